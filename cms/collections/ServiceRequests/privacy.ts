import type { CollectionAfterReadHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { hasRole } from '../../access'
import { maskNik } from '../../resident-services/mask'
import { decryptNik, encryptNik } from '../../resident-services/nikCrypto'
import { recordAudit } from '../../resident-services/audit'

/** A NIK given in `nik` is stored encrypted and masked; the plain value never reaches the database. */
export const protectNik: CollectionBeforeChangeHook = ({ data }) => {
  if (typeof data.nik === 'string' && data.nik) {
    data.nikEncrypted = encryptNik(data.nik)
    data.nikMasked = maskNik(data.nik)
  }
  delete data.nik
  return data
}

const isStaff = (user: PayloadRequest['user']) => hasRole(user, 'admin', 'officer', 'head')

/** Staff opening one request see the full NIK; lists and everyone else see only the masked one. */
export const decryptNikForStaff: CollectionAfterReadHook = ({ doc, req, findMany }) => {
  if (!findMany && isStaff(req.user) && doc.nikEncrypted) doc.nik = decryptNik(doc.nikEncrypted)
  delete doc.nikEncrypted
  return doc
}

/** Every time a staff member opens one request, the audit log records who and when. */
export const auditRead: CollectionAfterReadHook = async ({ doc, req, findMany, context }) => {
  if (!findMany && req.user && isStaff(req.user) && !context.skipAudit) {
    await recordAudit(req.payload, { request: doc.id, user: req.user.id, action: 'view' })
  }
  return doc
}
