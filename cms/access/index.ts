import type { Access, FieldAccess } from 'payload'
import { hasRole, type Role } from './roles'

export { ROLES, hasRole, type Role } from './roles'

const allow = (...roles: Role[]): Access => ({ req }) => hasRole(req.user as never, ...roles)

export const anyone: Access = () => true
export const isAdmin = allow('admin')
/** Media team: publishes news, podcasts, profile pages. */
export const isEditor = allow('admin', 'editor')
/** Anyone who may upload pictures: the media team and local sellers. */
export const canUpload = allow('admin', 'editor', 'producer')

/** Published documents for the public, drafts too for the media team. */
export const publishedOrEditor: Access = ({ req }) =>
  hasRole(req.user as never, 'admin', 'editor') ? true : { _status: { equals: 'published' } }

/** Admins see everybody; other staff only themselves. */
export const isAdminOrSelf: Access = ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user as never, 'admin')) return true
  return { id: { equals: req.user.id } }
}

/** Admins change anything; everyone else only files they uploaded. */
export const isEditorOrUploader: Access = ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user as never, 'admin', 'editor')) return true
  return { uploadedBy: { equals: req.user.id } }
}

export const isAdminField: FieldAccess = ({ req }) => hasRole(req.user as never, 'admin')

/** Service officers and the village head process residents' requests; admins may too. */
export const isServiceStaff = allow('admin', 'officer', 'head')
/** Officers and the head build services' forms and letter templates. */
export const canManageServices = allow('admin', 'officer', 'head')
/** Nobody writes through the API; the server's own code does (with overrideAccess). */
export const nobody: Access = () => false
