import { multiTenantPlugin } from '@payloadcms/plugin-multi-tenant'
import { getTenantFromCookie } from '@payloadcms/plugin-multi-tenant/utilities'
import type { Access, CollectionConfig, Config, Field, Plugin, PayloadRequest, Where } from 'payload'
import type { Config as Types } from '../payload-types'
import { isRegencyAdministrator } from '../access'
import { L } from '../lib/localize'
import { idOf } from '../lib/relation'
import { adoptable } from '../villages/adoption'
import { joinVillage, keepRowsToTheirVillages, MEMBERSHIP, villagesOf } from '../villages/membership'
import { setsVillageRows, villageRoleField } from '../fields/roles'
import { activeVillageIds, villageInScope } from '../villages/resolve'
import { isRegencyPortal } from '../villages/current'
import { SHARED_WITH_EVERY_VILLAGE } from '../villages/everyVillage'

/** What belongs to one village: its content, its shop, its services and its residents' requests. */
export const VILLAGE_COLLECTIONS = [
  'pages',
  'media',
  'news',
  'categories',
  'tags',
  'episodes',
  'podcast-audio',
  'transcripts',
  'producers',
  'product-categories',
  'products',
  'shipping-zones',
  'orders',
  'payment-proofs',
  'services',
  'service-requests',
  'letters',
  'audit-log',
] as const

/**
 * What each village has one of (shown in the admin as a single page, like a global): its settings, its podcast show,
 * its head's signing certificate.
 */
export const VILLAGE_DOCUMENTS = ['settings', 'podcast', 'letter-signing'] as const

const OWNED_BY_A_VILLAGE: readonly string[] = [...VILLAGE_COLLECTIONS, ...VILLAGE_DOCUMENTS]

/**
 * The village a new document belongs to: in the admin, the village picked in its selector (or the editor's only
 * one); otherwise the request's village, or the install's only village.
 */
const villageOfNewDocument = async ({ req }: { req: PayloadRequest }) => {
  if (req.user) {
    const theirs = villagesOf(req.user)
    const picked = getTenantFromCookie(req.headers, 'number')
    if (picked && (isRegencyAdministrator(req.user) || theirs.some((id) => String(id) === String(picked)))) return picked
    if (theirs.length === 1) return theirs[0]
  }
  return (await villageInScope(req.payload))?.id ?? null
}

/**
 * Anonymous reads (the public site, the REST API without a session) see only the village of the request: the
 * multi-tenant plugin scopes staff by their villages and leaves anonymous reads to us. The regency's portal sees those
 * of every active village; otherwise, without a village (several villages and no request for one), they see nothing.
 * What the regency publishes to every village (`sharedField` true) is read on every village's site.
 */
const ownVillageForAnonymous =
  (read: Access | undefined, sharedField?: string): Access =>
  async (args) => {
    const result = read ? await read(args) : Boolean(args.req.user)
    if (args.req.user || result === false) return result
    const village = await villageInScope(args.req.payload)
    if (!village && !isRegencyPortal()) return false
    const ours: Where = village ? { village: { equals: village.id } } : { village: { in: await activeVillageIds(args.req.payload) } }
    const own = sharedField ? { or: [ours, { [sharedField]: { equals: true } }] } : ours
    return result === true ? own : { and: [result, own] }
  }

/**
 * Whether a rule's answer lets a document be in the village, by its conditions on `village` (a rule answers with
 * the villages where the person has the role; its other conditions are the document's, checked when it is read).
 */
const admitsVillage = (where: Where, village: number | string): boolean => {
  const own = where.village
  const listed = own && typeof own === 'object' && 'in' in own && Array.isArray(own.in) ? own.in : null
  const here = !listed || listed.some((id) => String(id) === String(village))
  const all = (where.and ?? []).every((w) => admitsVillage(w, village))
  return here && all && (!where.or?.length || where.or.some((w) => admitsVillage(w, village)))
}

/**
 * A rule that answers with villages (the person's role differs from one village to another) decides a new document,
 * or one moved to another village, by the village it goes to: Payload would take any answer but `false` as a yes.
 * A village that is not the person's is left to the plugin, which refuses it.
 */
const inTheVillageItGoesTo = (rule: Access | undefined, operation: 'create' | 'update'): Access | undefined =>
  rule &&
  (async (args) => {
    const result = await rule(args)
    const { user } = args.req
    if (typeof result !== 'object' || !user) return result
    const given = args.data?.village
    const village = given ? idOf(given) : operation === 'create' ? await villageOfNewDocument(args) : null
    if (village === null || !villagesOf(user).some((id) => String(id) === String(village))) return result
    return admitsVillage(result, village)
  })

/** A village's slugs are unique within the village, not across the install (villages name their pages alike). */
const slugUniquePerVillage = (collection: CollectionConfig): CollectionConfig =>
  collection.fields.some((f) => 'name' in f && f.name === 'slug')
    ? { ...collection, indexes: [...(collection.indexes ?? []), { fields: ['slug', 'village'], unique: true }] }
    : collection

/** The plugin's list of an account's villages, labelled in both admin languages. */
const labelMembership = (field: Field): Field =>
  field.type === 'array' && field.name === MEMBERSHIP.arrayFieldName
    ? {
        ...field,
        label: L('Desa', 'Villages'),
        labels: { singular: L('Desa', 'Village'), plural: L('Desa', 'Villages') },
        fields: field.fields.map((f) =>
          'name' in f && f.name === MEMBERSHIP.arrayTenantFieldName ? { ...f, label: L('Desa', 'Village') } : f,
        ),
      }
    : field

const PLUGIN_PROVIDER = '@payloadcms/plugin-multi-tenant/rsc#TenantSelectionProvider'
const PLUGIN_REDIRECT = '@payloadcms/plugin-multi-tenant/rsc#GlobalViewRedirect'

/** The plugin's admin component at `from` replaced by ours at `to`, with the same props. */
const replacing =
  (from: string, to: string) =>
  <Component>(component: Component) =>
    typeof component === 'object' && component && 'path' in component && component.path === from ? { ...component, path: to } : component

const villageRules: Plugin = (config: Config) => ({
  ...config,
  admin: {
    ...config.admin,
    components: {
      ...config.admin?.components,
      providers: config.admin?.components?.providers?.map(
        replacing(PLUGIN_PROVIDER, '/components/VillageSelection#VillageSelectionProvider'),
      ),
      actions: config.admin?.components?.actions?.map(
        replacing(PLUGIN_REDIRECT, '/components/VillageDocumentRedirect#VillageDocumentRedirect'),
      ),
    },
  },
  collections: config.collections?.map((c) => {
    if (c.slug === 'users')
      return {
        ...c,
        fields: c.fields.map(labelMembership),
        hooks: { ...c.hooks, beforeChange: [joinVillage, keepRowsToTheirVillages, ...(c.hooks?.beforeChange ?? [])] },
      }
    if (!OWNED_BY_A_VILLAGE.includes(c.slug)) return c
    const read = ownVillageForAnonymous(c.access?.read, SHARED_WITH_EVERY_VILLAGE[c.slug])
    const create = inTheVillageItGoesTo(c.access?.create, 'create')
    const update = inTheVillageItGoesTo(c.access?.update, 'update')
    return adoptable(slugUniquePerVillage({ ...c, access: { ...c.access, read, create, update } }))
  }),
})

/**
 * Villages as tenants (Payload's multi-tenant plugin): every village-owned collection gets a `village`, staff
 * belong to villages (`villages` on their account) and reach only their villages' documents through the admin and
 * the API; anonymous reads are scoped to the request's village.
 */
export const villagesPlugins = (): Plugin[] => [
  multiTenantPlugin<Types>({
    tenantsSlug: 'villages',
    tenantField: { name: 'village', label: L('Desa', 'Village'), defaultValue: villageOfNewDocument },
    tenantsArrayField: {
      ...MEMBERSHIP,
      includeDefaultField: true,
      rowFields: [villageRoleField],
      arrayFieldAccess: { create: setsVillageRows, update: setsVillageRows },
    },
    collections: {
      ...Object.fromEntries(VILLAGE_COLLECTIONS.map((slug) => [slug, {}])),
      ...Object.fromEntries(VILLAGE_DOCUMENTS.map((slug) => [slug, { isGlobal: true }])),
    },
    userHasAccessToAllTenants: isRegencyAdministrator,
    tenantSelectorLabel: { id: 'Desa', en: 'Village' },
  }),
  villageRules,
]
