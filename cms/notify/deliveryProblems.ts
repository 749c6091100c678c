import type { Payload } from 'payload'
import type { DeliveryAbout } from './channel'

export type DeliveryProblem = { channel: 'email' | 'whatsapp'; to: string; error: string }

/**
 * A notice that could not be delivered (refused for good, or still failing after the last retry), written on the
 * request it was about, so the officer sees it there and can reach the resident another way.
 */
export const recordDeliveryProblem = async (payload: Payload, about: DeliveryAbout | null | undefined, problem: DeliveryProblem) => {
  payload.logger.error({ ...problem, about }, 'A notice could not be delivered')
  if (!about) return
  const request = await payload.findByID({
    collection: about.collection,
    id: about.id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    select: { deliveryProblems: true },
    context: { skipAudit: true },
  })
  if (!request) return
  await payload.update({
    collection: about.collection,
    id: about.id,
    data: { deliveryProblems: [...(request.deliveryProblems ?? []), { at: new Date().toISOString(), ...problem }] },
    overrideAccess: true,
    context: { skipAudit: true },
  })
}
