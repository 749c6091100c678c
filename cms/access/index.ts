import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'
import { hasRoleIn, hasRoleSomewhere, isRegencyAdministrator, villagesWithRole, type Role } from './roles'
import { idOf } from '../lib/relation'

export {
  ROLES,
  REGENCY_ROLES,
  VILLAGE_ROLES,
  hasRole,
  hasRoleIn,
  hasRoleSomewhere,
  isRegencyAdministrator,
  isStatisticsViewer,
  roleIn,
  villagesWithRole,
  type Role,
  type VillageRole,
} from './roles'

type User = PayloadRequest['user']

/**
 * The documents of the villages where the account has one of the roles: all of its villages' (`true`, the
 * multi-tenant plugin keeps them to those), some villages' (a `Where` on `field`), or none.
 */
const inVillagesWith = (user: User, roles: Role[], field = 'village'): boolean | Where => {
  const reach = villagesWithRole(user, ...roles)
  return Array.isArray(reach) ? { [field]: { in: reach } } : reach
}

/** Both conditions; `true` stands for no condition. */
const both = (a: boolean | Where, b: Where): boolean | Where => (a === true ? b : a && { and: [a, b] })
/** Either condition. */
const either = (a: boolean | Where, b: Where): boolean | Where => (a === true ? true : a ? { or: [a, b] } : b)

/** A village-owned collection's rule: the documents of the villages where the account has one of the roles. */
const allow =
  (...roles: Role[]): Access =>
  ({ req }) =>
    inVillagesWith(req.user, roles)

/** A rule of what belongs to no village (the install's): whoever has one of the roles in one of their villages. */
const allowSomewhere =
  (...roles: Role[]): Access =>
  ({ req }) =>
    hasRoleSomewhere(req.user, ...roles)

export const anyone: Access = () => true
export const isAdmin = allow('admin')
/** Administrators of a village, for what belongs to none (the audit log, payment events, new accounts). */
export const isAdminSomewhere = allowSomewhere('admin')
/** Media team: publishes news, podcasts, profile pages. */
export const isEditor = allow('admin', 'editor')
/** The media team of any village, for what belongs to none (search synonyms, the search index's status). */
export const isEditorSomewhere = allowSomewhere('admin', 'editor')
/** Anyone who may upload pictures: the media team and local sellers. */
export const canUpload = allow('admin', 'editor', 'producer')

/** Published documents for the public, drafts too for the media team of their villages. */
export const publishedOrEditor: Access = ({ req }) =>
  either(inVillagesWith(req.user, ['admin', 'editor']), { _status: { equals: 'published' } })

/** A village's administrators change its own record (its domains, its name); the regency's every village's. */
export const isAdminOfVillage: Access = ({ req }) => inVillagesWith(req.user, ['admin'], 'id')

/** A village's administrator manages its accounts, never the regency's administrators (only they manage each other). */
const VILLAGE_ACCOUNTS: Where = { role: { not_equals: 'regency-admin' } }
/** The accounts of the villages the person administers. */
const administered = (user: User) => inVillagesWith(user, ['admin'], 'villages.village')

/** Admins see the accounts of their villages; other staff only themselves. */
export const isAdminOrSelf: Access = ({ req }) => {
  if (!req.user) return false
  return either(administered(req.user), { id: { equals: req.user.id } })
}

/** Admins change every account of their villages (all but the regency's administrators); other staff only their own. */
export const canChangeAccount: Access = ({ req }) => {
  if (!req.user) return false
  const self: Where = { id: { equals: req.user.id } }
  if (isRegencyAdministrator(req.user)) return true
  return either(both(administered(req.user), VILLAGE_ACCOUNTS), self)
}

/** Admins remove other accounts of their villages, never their own (the last administrator cannot lock everyone out). */
export const isAdminNotSelf: Access = ({ req }) => {
  if (!req.user) return false
  const others = both(administered(req.user), { id: { not_equals: req.user.id } })
  return isRegencyAdministrator(req.user) ? others : both(others, VILLAGE_ACCOUNTS)
}

/** The regency's administrators add villages (onboarding, cms/collections/Villages.ts). */
export const isRegencyAdmin: Access = ({ req }) => isRegencyAdministrator(req.user)
export const isRegencyAdminField: FieldAccess = ({ req }) => isRegencyAdministrator(req.user)

/**
 * The media team changes its village's articles; what the regency publishes to every village (`forEveryVillage`)
 * only the regency's administrators change, wherever it is shown.
 */
export const isEditorOfVillageArticles: Access = ({ req }) => {
  if (isRegencyAdministrator(req.user)) return true
  return both(inVillagesWith(req.user, ['admin', 'editor']), { forEveryVillage: { not_equals: true } })
}

/** The media team changes its villages' files; everyone else only files they uploaded. */
export const isEditorOrUploader: Access = ({ req }) => {
  if (!req.user) return false
  return either(inVillagesWith(req.user, ['admin', 'editor']), { uploadedBy: { equals: req.user.id } })
}

type AccountRow = { village?: number | { id: number } | null }

/**
 * An account's role and producer profile: the administrators of every village the account belongs to (its own role
 * is the default of each of them), the regency's administrators; for a new account, an administrator (it joins
 * their villages, cms/villages/membership.ts).
 */
export const isAdminOfAccount: FieldAccess = ({ req, doc, data }) => {
  if (isRegencyAdministrator(req.user)) return true
  const rows: AccountRow[] = (doc?.villages ?? data?.villages ?? []).filter((row: AccountRow) => row.village)
  if (!rows.length) return hasRoleSomewhere(req.user, 'admin')
  return rows.every((row) => hasRoleIn(req.user, row.village, 'admin'))
}

/** Request-level check (queued jobs' REST endpoints): administrators only. */
export const isAdminRequest = ({ req }: { req: PayloadRequest }) => hasRoleSomewhere(req.user, 'admin')
/** Shop staff: admins and the media team run the marketplace. */
export const isShopStaff = allow('admin', 'editor')

/** The producer profile a producer user belongs to (its id), or null for everyone else. */
export const producerOf = (user: User): number | null => {
  if (!user?.producer || !hasRoleSomewhere(user, 'producer')) return null
  return idOf(user.producer)
}

/**
 * The producer profile of an account that is a producer in the village (a document's, the one picked in the admin),
 * or null; without a village, of an account that is a producer in every village it belongs to.
 */
export const producerIn = (user: User, village: number | string | { id: number } | null | undefined): number | null => {
  const producer = village ? hasRoleIn(user, village, 'producer') : villagesWithRole(user, 'producer') === true
  return producer ? producerOf(user) : null
}

/**
 * Whether the account has one of the roles in the document's village; without a document (the permissions the admin
 * works out for a collection), in one of its villages.
 */
export const hasRoleForDocument = (user: User, doc: { village?: number | { id: number } | null } | undefined, ...roles: Role[]) =>
  doc?.village ? hasRoleIn(user, doc.village, ...roles) : hasRoleSomewhere(user, ...roles)

const shopStaffOf = (user: User) => inVillagesWith(user, ['admin', 'editor'])

/** Active products for the public; everything for shop staff; their own products for producers. */
export const activeProductsOrOwner: Access = ({ req }) => {
  const producer = producerOf(req.user)
  const active: Where = { status: { equals: 'active' } }
  return either(shopStaffOf(req.user), producer ? { or: [active, { producer: { equals: producer } }] } : active)
}

/** Shop staff change any product; producers only their own. */
export const canEditProduct: Access = ({ req }) => {
  const producer = producerOf(req.user)
  return producer ? either(shopStaffOf(req.user), { producer: { equals: producer } }) : shopStaffOf(req.user)
}

/** Shop staff change any producer profile; a producer only their own. */
export const canEditProducer: Access = ({ req }) => {
  const producer = producerOf(req.user)
  return producer ? either(shopStaffOf(req.user), { id: { equals: producer } }) : shopStaffOf(req.user)
}

/** Staff read every order; a producer only orders containing their products. Buyers use the order link. */
export const canReadOrder: Access = ({ req }) => {
  // An order still being placed by checkout is not an order yet (it may vanish with its stock claim).
  const placed: Where = { 'reservation.state': { not_equals: 'placing' } }
  const producer = producerOf(req.user)
  const readable = producer ? either(shopStaffOf(req.user), { producers: { in: [producer] } }) : shopStaffOf(req.user)
  return both(readable, placed)
}
/** The roles that process residents' requests: service officers and the village head; admins may too. */
export const SERVICE_STAFF: Role[] = ['admin', 'officer', 'head']
export const isServiceStaff = allow(...SERVICE_STAFF)
/** Staff read residents' requests, except one still being written (see submitRequest). */
export const canReadRequests: Access = ({ req }) => both(inVillagesWith(req.user, SERVICE_STAFF), { incomplete: { not_equals: true } })
/** Officers and the head build services' forms and letter templates. */
export const canManageServices = allow(...SERVICE_STAFF)
/**
 * The regency's statistics (every village's row, its months): the regency's administrator and viewers read every
 * village's, a district viewer those of the villages of the kecamatan on their account; village staff and the public none.
 */
export const canReadStatistics: Access = ({ req: { user } }) => {
  if (isRegencyAdministrator(user) || user?.role === 'regency-viewer') return true
  if (user?.role === 'district-viewer' && user.kecamatan) return { kecamatan: { equals: user.kecamatan } }
  return false
}
/** Nobody writes through the API; the server's own code does (with overrideAccess). */
export const nobody: Access = () => false
