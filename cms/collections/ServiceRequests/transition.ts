import { APIError, type CollectionAfterChangeHook, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'
import { hasRoleIn } from '../../access'
import { localize } from '../../messages'
import { notifyResident, serviceNameOf } from '../../notify'
import { whatsappStatusLink } from '../../notify/residentNews'
import { recordAudit } from '../../resident-services/audit'
import { issueLetter, signLetter } from '../../resident-services/letters'
import { formFieldsOf } from '../../resident-services/requests'
import { assertTransition, isFinal, TransitionRefused, type Actor, type Status } from '../../resident-services/status'
import { idOf } from '../../lib/relation'
import type { ServiceRequest } from '../../payload-types'

/**
 * The documents an officer asks for when returning a request: uploads of the service's form, by field name
 * (the resident's completion form offers one upload for each). Anything else is refused.
 */
const missingDocumentsOf = async (req: PayloadRequest, request: { service: number | { id: number } }, sent: unknown) => {
  const names = Array.isArray(sent) ? sent.map(String) : []
  if (!names.length) return null
  const service = await req.payload.findByID({ collection: 'services', id: idOf(request.service), depth: 0, overrideAccess: true, req })
  const uploads = formFieldsOf(service).filter((f) => f.type === 'file')
  const unknown = names.filter((name) => !uploads.some((f) => f.name === name))
  if (unknown.length) {
    const message = {
      code: 'transition.unknownDocuments',
      params: { names: unknown.join('", "'), choices: uploads.map((f) => f.label).join(', ') },
    } as const
    throw new APIError(localize(req, message), 400, undefined, true)
  }
  return [...new Set(names)]
}

/** Who acts in the request's workflow: the resident (through the site), the head of the request's village, or an officer. */
export const workflowActor = (req: Pick<PayloadRequest, 'context' | 'user'>, village: ServiceRequest['village']): Actor =>
  req.context.resident ? 'resident' : hasRoleIn(req.user, village, 'head') ? 'head' : 'officer'

/**
 * A status change is asked for by setting `nextStatus` (with a note): only allowed transitions pass, each
 * one is written to the timeline with who, when and the note. The head's move to Selesai signs the letter.
 */
export const applyTransition: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation }) => {
  if (operation !== 'update' || !data.nextStatus) return data
  const from = originalDoc.status as Status
  const to = data.nextStatus as Status
  const note = (data.transitionNote as string | undefined)?.trim() || null
  const actor = workflowActor(req, originalDoc.village)
  try {
    assertTransition(from, to, actor, note)
    if (to === 'done') {
      if (!originalDoc.letter) throw new TransitionRefused({ code: 'transition.noLetter' })
      // Only the village head may move a request to Selesai (assertTransition), so someone is signed in.
      await signLetter(req.payload, idOf(originalDoc.letter), req.user!)
    }
  } catch (err) {
    if (err instanceof TransitionRefused) throw new APIError(localize(req, err.reason), 400, undefined, true)
    throw err
  }
  const missingDocuments = to === 'returned' ? await missingDocumentsOf(req, originalDoc, data.missingDocuments) : null
  const now = new Date().toISOString()
  const byName = actor === 'resident' ? 'Pemohon' : (req.user?.name ?? 'Petugas')
  return {
    ...data,
    status: to,
    nextStatus: null,
    transitionNote: null,
    missingDocuments,
    completedAt: isFinal(to) ? now : originalDoc.completedAt,
    timeline: [
      ...(originalDoc.timeline ?? []).map(({ id, ...row }: { id?: string }) => ({ id, ...row })),
      { status: to, at: now, byName, byUser: actor === 'resident' ? null : req.user?.id, note },
    ],
    whatsappLink: whatsappStatusLink({
      phone: data.phone ?? originalDoc.phone,
      name: data.applicantName ?? originalDoc.applicantName,
      service: await serviceNameOf(req, originalDoc),
      reference: originalDoc.reference,
      status: to,
      note,
      byResident: actor === 'resident',
      locale: originalDoc.locale,
    }),
  }
}

/** After a change: issue the letter when it goes for signature, log it, and tell the resident. */
export const afterTransition: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
  if (operation !== 'update' || previousDoc.status === doc.status) return doc
  if (doc.status === 'awaitingSignature' && !doc.letter) {
    const letter = await issueLetter(req.payload, doc.id)
    doc.letter = letter.id
  }
  await recordAudit(req.payload, {
    request: doc.id,
    village: idOf(doc.village),
    user: req.context.resident ? null : req.user?.id,
    action: 'change',
    detail: `${previousDoc.status} → ${doc.status}`,
  })
  await notifyResident(req, doc)
  return doc
}
