import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'
import { hasRole, isRegencyAdministrator, type Role } from './roles'
import { idOf } from '../lib/relation'

export { ROLES, REGENCY_ROLES, hasRole, isRegencyAdministrator, isStatisticsViewer, type Role } from './roles'

const allow =
  (...roles: Role[]): Access =>
  ({ req }) =>
    hasRole(req.user, ...roles)

export const anyone: Access = () => true
export const isAdmin = allow('admin')
/** Media team: publishes news, podcasts, profile pages. */
export const isEditor = allow('admin', 'editor')
/** Anyone who may upload pictures: the media team and local sellers. */
export const canUpload = allow('admin', 'editor', 'producer')

/** Published documents for the public, drafts too for the media team. */
export const publishedOrEditor: Access = ({ req }) => (hasRole(req.user, 'admin', 'editor') ? true : { _status: { equals: 'published' } })

/** A village's administrator manages its accounts, never the regency's administrators (only they manage each other). */
const VILLAGE_ACCOUNTS: Where = { role: { not_equals: 'regency-admin' } }

/** Admins see everybody; other staff only themselves. */
export const isAdminOrSelf: Access = ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, 'admin')) return true
  return { id: { equals: req.user.id } }
}

/** Admins change every account (a village's administrators, all but the regency's); other staff only their own. */
export const canChangeAccount: Access = ({ req }) => {
  if (!req.user) return false
  const self: Where = { id: { equals: req.user.id } }
  if (isRegencyAdministrator(req.user)) return true
  return hasRole(req.user, 'admin') ? { or: [VILLAGE_ACCOUNTS, self] } : self
}

/** Admins remove other accounts, never their own (the last administrator cannot lock everyone out). */
export const isAdminNotSelf: Access = ({ req }) => {
  if (!hasRole(req.user, 'admin')) return false
  const others: Where = { id: { not_equals: req.user!.id } }
  return isRegencyAdministrator(req.user) ? others : { and: [others, VILLAGE_ACCOUNTS] }
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
  return hasRole(req.user, 'admin', 'editor') ? { forEveryVillage: { not_equals: true } } : false
}

/** Admins change anything; everyone else only files they uploaded. */
export const isEditorOrUploader: Access = ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, 'admin', 'editor')) return true
  return { uploadedBy: { equals: req.user.id } }
}

export const isAdminField: FieldAccess = ({ req }) => hasRole(req.user, 'admin')

/** Request-level check (queued jobs' REST endpoints): administrators only. */
export const isAdminRequest = ({ req }: { req: PayloadRequest }) => hasRole(req.user, 'admin')
/** Shop staff: admins and the media team run the marketplace. */
export const isShopStaff = allow('admin', 'editor')

/** The producer profile a producer user belongs to (its id), or null for everyone else. */
export const producerOf = (user: PayloadRequest['user']): number | null => {
  if (!user || user.role !== 'producer' || !user.producer) return null
  return idOf(user.producer)
}

/** Active products for the public; everything for shop staff; their own products for producers. */
export const activeProductsOrOwner: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'editor')) return true
  const producer = producerOf(req.user)
  const active: Where = { status: { equals: 'active' } }
  return producer ? { or: [active, { producer: { equals: producer } }] } : active
}

/** Shop staff change any product; producers only their own. */
export const canEditProduct: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'editor')) return true
  const producer = producerOf(req.user)
  return producer ? { producer: { equals: producer } } : false
}

/** Shop staff change any producer profile; a producer only their own. */
export const canEditProducer: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'editor')) return true
  const producer = producerOf(req.user)
  return producer ? { id: { equals: producer } } : false
}

/** Staff read every order; a producer only orders containing their products. Buyers use the order link. */
export const canReadOrder: Access = ({ req }) => {
  // An order still being placed by checkout is not an order yet (it may vanish with its stock claim).
  const placed: Where = { 'reservation.state': { not_equals: 'placing' } }
  if (hasRole(req.user, 'admin', 'editor')) return placed
  const producer = producerOf(req.user)
  return producer ? { and: [placed, { producers: { in: [producer] } }] } : false
}
/** Service officers and the village head process residents' requests; admins may too. */
export const isServiceStaff = allow('admin', 'officer', 'head')
/** Staff read residents' requests, except one still being written (see submitRequest). */
export const canReadRequests: Access = ({ req }) =>
  hasRole(req.user, 'admin', 'officer', 'head') ? { incomplete: { not_equals: true } } : false
/** Officers and the head build services' forms and letter templates. */
export const canManageServices = allow('admin', 'officer', 'head')
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
