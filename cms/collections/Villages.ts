import {
  APIError,
  ValidationError,
  type CollectionAfterChangeHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeValidateHook,
  type CollectionConfig,
  type PayloadRequest,
} from 'payload'
import { isAdminOfVillage, isRegencyAdmin, nobody } from '../access'
import { L } from '../lib/localize'
import { localize } from '../messages'
import { countVillagesAgain } from '../regency/statistics'
import { emailLanguageField } from '../fields/emailLanguage'
import type { Village } from '../payload-types'
import { isHostName, isVillageCode, isVillageSlug } from '../villages/identity'
import type { FirstAdmin } from '../villages/firstAdmin'
import { onboardingIn, onboardVillage } from '../villages/onboard'
import { giveSettings } from '../villages/settings'
import { templateNamed, UnknownTemplate } from '../villages/template'

/** A Kemendagri code as the village's record and its settings take it: empty, or four dotted groups of digits. */
export const validateVillageCode = (value: unknown, { req }: { req: PayloadRequest }) =>
  value == null || value === '' || (typeof value === 'string' && isVillageCode(value)) ? true : localize(req, { code: 'village.code' })

/** The record's name, code and district follow the village's settings once it has them (cms/villages/settings.ts). */
const FROM_SETTINGS = L('Setelah desa dibuat, diubah di Pengaturan desa.', 'Once the village exists, changed in its Village settings.')

/** The install's last active village stays active: archiving it would leave every host without a site. */
const keepAnActiveVillage: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (data.status !== 'archived' || originalDoc?.status !== 'active') return data
  const others = await req.payload.count({
    collection: 'villages',
    where: { and: [{ status: { equals: 'active' } }, { id: { not_equals: originalDoc.id } }] },
    overrideAccess: true,
    req,
  })
  if (others.totalDocs === 0)
    throw new ValidationError({
      collection: 'villages',
      errors: [{ path: 'status', message: localize(req, { code: 'village.lastActive' }) }],
      req,
    })
  return data
}

/** A village is not created to be copied from a village that does not exist. */
const checkTemplate: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  const from = onboardingIn(req.context)?.from
  if (operation !== 'create' || !from) return data
  try {
    await templateNamed(req, from)
  } catch (err) {
    if (err instanceof UnknownTemplate)
      throw new APIError(localize(req, { code: 'villageAdd.templateUnknown', params: { slug: from } }), 400, undefined, true)
    throw err
  }
  return data
}

/** The first administrator the admin's form names (an email and a name), or none. */
const invitedInTheForm = (firstAdmin: Village['firstAdmin']): FirstAdmin | undefined =>
  firstAdmin?.email && firstAdmin.name
    ? { email: firstAdmin.email, name: firstAdmin.name, language: firstAdmin.language === 'en' ? 'en' : 'id' }
    : undefined

/** A first administrator needs a name to be greeted by, as the command asks for one. */
const nameTheFirstAdmin: CollectionBeforeValidateHook<Village> = ({ data, operation, req }) => {
  if (operation !== 'create' || !data?.firstAdmin?.email || data.firstAdmin.name?.trim()) return data
  throw new ValidationError({
    collection: 'villages',
    errors: [{ path: 'firstAdmin.name', message: localize(req, { code: 'village.firstAdminName' }) }],
    req,
  })
}

/**
 * A new village is onboarded as it is created (cms/villages/onboard.ts): its catalogue and profile pages copied in,
 * its first admin invited, as its creator asked in the request's context (`npm run village:add`).
 */
const onboardNewVillage: CollectionAfterChangeHook<Village> = async ({ data, doc, operation, req }) => {
  if (operation !== 'create') return doc
  const { done, ...input } = onboardingIn(req.context) ?? {}
  const admin = input.admin ?? invitedInTheForm(data.firstAdmin)
  const report = await onboardVillage(req, doc, { ...input, admin, newSettings: true })
  done?.(report)
  return doc
}

/**
 * The villages of the install (the tenants of cms/plugins/villages.ts): each owns its content, services, shop
 * and residents' requests. One village is the usual install; a regency runs many from one. Staff see the villages
 * they belong to; the regency's administrators see them all and add villages (in the admin, or `npm run village:add`),
 * each onboarded as it is created; none is deleted from the admin (archived instead).
 */
export const Villages: CollectionConfig = {
  slug: 'villages',
  labels: { singular: L('Desa', 'Village'), plural: L('Desa', 'Villages') },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'kecamatan', 'status'], group: L('Pengaturan', 'Settings') },
  access: { read: ({ req }) => Boolean(req.user), create: isRegencyAdmin, update: isAdminOfVillage, delete: nobody },
  // Its settings first: onboarding reads them (the first admin's invitation is signed with the village's name).
  hooks: {
    beforeValidate: [nameTheFirstAdmin],
    beforeChange: [keepAnActiveVillage, checkTemplate],
    afterChange: [giveSettings, onboardNewVillage, countVillagesAgain],
  },
  fields: [
    { name: 'name', type: 'text', required: true, label: L('Nama desa', 'Village name'), admin: { description: FROM_SETTINGS } },
    {
      name: 'slug',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: L('Slug (alamat di portal kabupaten)', 'Slug (address on the regency portal)'),
      validate: (value: unknown, { req }: { req: PayloadRequest }) =>
        typeof value === 'string' && isVillageSlug(value) ? true : localize(req, { code: 'slug.invalid' }),
    },
    {
      name: 'code',
      type: 'text',
      unique: true,
      label: L('Kode desa (Kemendagri)', 'Village code (Kemendagri)'),
      admin: {
        description: L(
          'Contoh: 64.09.01.2001. Setelah desa dibuat, diubah di Pengaturan desa.',
          'For example 64.09.01.2001. Once the village exists, changed in its Village settings.',
        ),
      },
      validate: validateVillageCode,
    },
    { name: 'kecamatan', type: 'text', label: L('Kecamatan', 'District (kecamatan)'), admin: { description: FROM_SETTINGS } },
    { name: 'kabupaten', type: 'text', label: L('Kabupaten', 'Regency (kabupaten)'), admin: { description: FROM_SETTINGS } },
    {
      name: 'domains',
      type: 'array',
      label: L('Domain situs', 'Site domains'),
      labels: { singular: L('Domain', 'Domain'), plural: L('Domain', 'Domains') },
      admin: {
        description: L(
          'Nama host situs desa ini, mis. desa-a.example.id. Dengan satu desa, setiap host menampilkan desa itu.',
          "This village's site host names, e.g. desa-a.example.id. With one village, every host shows it.",
        ),
      },
      fields: [
        {
          name: 'host',
          type: 'text',
          required: true,
          unique: true,
          label: L('Host', 'Host'),
          hooks: { beforeValidate: [({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)] },
          validate: async (value: unknown, { req }: { req: PayloadRequest }) => {
            if (typeof value !== 'string' || !isHostName(value)) return localize(req, { code: 'village.host' })
            const regency = await req.payload.findGlobal({ slug: 'regency', depth: 0, overrideAccess: true, req })
            return regency.domains?.some((d) => d.host === value)
              ? localize(req, { code: 'village.hostOfRegency', params: { host: value } })
              : true
          },
        },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'active',
      options: [
        { value: 'active', label: L('Aktif', 'Active') },
        { value: 'archived', label: L('Diarsipkan', 'Archived') },
      ],
      label: L('Status', 'Status'),
      admin: { position: 'sidebar' },
    },
    {
      name: 'firstAdmin',
      type: 'group',
      virtual: true,
      label: L('Administrator pertama desa', "The village's first administrator"),
      admin: {
        // Payload shows a virtual field read-only unless told: this one is typed in, once, to invite.
        readOnly: false,
        condition: (data) => !data?.id,
        description: L(
          'Diundang lewat email, dalam bahasanya, untuk memilih kata sandi dan mengelola desa ini. Akun yang sudah ada mendapat desa ini.',
          'Invited by email, in their language, to choose a password and run this village. An existing account gets this village.',
        ),
      },
      fields: [
        { name: 'email', type: 'email', label: L('Email', 'Email') },
        { name: 'name', type: 'text', label: L('Nama', 'Name') },
        emailLanguageField(),
      ],
    },
  ],
}
