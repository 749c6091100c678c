import type { GlobalAfterChangeHook, GlobalConfig, PayloadRequest } from 'payload'
import { isRegencyAdmin, isRegencyAdministrator } from '../access'
import { L } from '../lib/localize'
import { localize } from '../messages'
import { invalidations } from '../page-cache/invalidations'
import { listTag } from '../page-cache/tags'
import { isHostName } from '../villages/identity'

export const REGENCY_TAG = listTag('regency')

/** The portal and every address on the regency's hosts follow its save, on every instance. */
const invalidateRegency: GlobalAfterChangeHook = async ({ doc }) => {
  await invalidations().invalidate([REGENCY_TAG])
  return doc
}

/** A regency host cannot also be a village's own domain: the address would name two sites. */
const notAVillageDomain = async (value: unknown, { req }: { req: PayloadRequest }) => {
  if (typeof value !== 'string' || !isHostName(value)) return localize(req, { code: 'village.host' })
  const { totalDocs } = await req.payload.count({
    collection: 'villages',
    where: { 'domains.host': { equals: value } },
    overrideAccess: true,
    req,
  })
  return totalDocs ? localize(req, { code: 'regency.hostOfVillage', params: { host: value } }) : true
}

/**
 * The regency that runs the install: its name and programme for its portal, and the hosts the portal answers on.
 * Villages without a domain of their own are served on those hosts under /desa/<slug>/.
 */
export const Regency: GlobalConfig = {
  slug: 'regency',
  label: L('Kabupaten', 'Regency'),
  admin: {
    group: L('Kabupaten', 'Regency'),
    hidden: ({ user }) => !isRegencyAdministrator(user),
  },
  access: { read: isRegencyAdmin, update: isRegencyAdmin },
  hooks: { afterChange: [invalidateRegency] },
  fields: [
    { name: 'name', type: 'text', localized: true, label: L('Nama kabupaten', 'Regency name') },
    {
      name: 'introduction',
      type: 'textarea',
      localized: true,
      label: L('Program Desa Digital', 'The Digital Village programme'),
      admin: { description: L('Tampil di beranda portal kabupaten.', "Shown on the regency portal's home page.") },
    },
    {
      name: 'domains',
      type: 'array',
      label: L('Domain portal', 'Portal domains'),
      labels: { singular: L('Domain', 'Domain'), plural: L('Domain', 'Domains') },
      admin: {
        description: L(
          'Host portal kabupaten, mis. desa.example.go.id. Desa tanpa domain sendiri tampil di host pertama pada /desa/<slug>/.',
          'Host names of the regency portal, e.g. desa.example.go.id. Villages without a domain of their own are served on the first one at /desa/<slug>/.',
        ),
      },
      fields: [
        {
          name: 'host',
          type: 'text',
          required: true,
          label: L('Host', 'Host'),
          hooks: { beforeValidate: [({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)] },
          validate: notAVillageDomain,
        },
      ],
    },
  ],
}
