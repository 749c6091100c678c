import type { CollectionAfterReadHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { hasRoleIn, SERVICE_STAFF } from '../../access'
import { maskNik } from '../../resident-services/mask'
import { decryptNik, encryptNik } from '../../resident-services/nikCrypto'
import { recordAudit } from '../../resident-services/audit'
import { idOf } from '../../lib/relation'

/**
 * Every NIK of a request, the applicant's and those asked by the service's own form (a deceased person's
 * on a death certificate, a parent's…), is stored only encrypted and masked. Staff opening one request see
 * them in full, and the audit log records each such view; lists and everyone else see them masked.
 */

/** A NIK-typed form answer as stored: never the plain number. */
export type ProtectedNik = { encrypted: string; masked: string }

const isProtected = (value: unknown): value is ProtectedNik =>
  Boolean(value && typeof value === 'object' && typeof (value as ProtectedNik).encrypted === 'string')

const protect = (nik: string): ProtectedNik => ({ encrypted: encryptNik(nik), masked: maskNik(nik) })

/** The answers with every NIK in clear, for the letter's merge fields (cms/resident-services/letters.ts). */
export const clearAnswers = (answers: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries(answers && typeof answers === 'object' ? answers : {}).map(([name, value]) => [
      name,
      isProtected(value) ? decryptNik(value.encrypted) : String(value ?? ''),
    ]),
  )

/** A NIK given in `nik` is stored encrypted and masked; the plain value never reaches the database. */
export const protectNik: CollectionBeforeChangeHook = ({ data }) => {
  if (typeof data.nik === 'string' && data.nik) {
    data.nikEncrypted = encryptNik(data.nik)
    data.nikMasked = maskNik(data.nik)
  }
  delete data.nik
  return data
}

/** The answers to the service's NIK-typed fields are stored encrypted and masked too. */
export const protectNikAnswers: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (!data.answers || typeof data.answers !== 'object') return data
  const serviceRef = data.service ?? originalDoc?.service
  const serviceId = serviceRef && typeof serviceRef === 'object' ? serviceRef.id : serviceRef
  if (!serviceId) return data
  const service = await req.payload.findByID({ collection: 'services', id: serviceId, depth: 0, overrideAccess: true, req })
  const nikFields = new Set((service.form ?? []).filter((field) => field.type === 'nik').map((field) => field.name))
  data.answers = Object.fromEntries(
    Object.entries(data.answers as Record<string, unknown>).map(([name, value]) => [
      name,
      nikFields.has(name) && typeof value === 'string' && value.trim() ? protect(value.trim()) : value,
    ]),
  )
  return data
}

/** Staff of the request's village. */
const isStaff = (user: PayloadRequest['user'], village: number | { id: number } | null | undefined) =>
  hasRoleIn(user, village, ...SERVICE_STAFF)

/**
 * Staff opening one request see every NIK in full, and the audit log records who and when (naming the
 * NIKs shown); lists, requests read with a letter, and everyone else see only the masked numbers.
 */
export const revealNikToStaff: CollectionAfterReadHook = async ({ doc, req, findMany, context }) => {
  const reveal = !findMany && isStaff(req.user, doc.village)
  const shown: string[] = []
  if (reveal && doc.nikEncrypted) {
    doc.nik = decryptNik(doc.nikEncrypted)
    shown.push('nik')
  }
  delete doc.nikEncrypted
  if (doc.answers && typeof doc.answers === 'object') {
    doc.answers = Object.fromEntries(
      Object.entries(doc.answers as Record<string, unknown>).map(([name, value]) => {
        if (!isProtected(value)) return [name, value]
        if (reveal) shown.push(name)
        return [name, reveal ? decryptNik(value.encrypted) : value.masked]
      }),
    )
  }
  if (reveal && req.user && !context.skipAudit)
    await recordAudit(req.payload, {
      request: doc.id,
      village: idOf(doc.village),
      user: req.user.id,
      action: 'view',
      detail: shown.length ? `NIK: ${shown.join(', ')}` : undefined,
    })
  return doc
}
