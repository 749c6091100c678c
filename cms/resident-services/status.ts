import { translate } from '../messages'
import type { ResidentServicesMessage } from './messages'

/** The life of a service request, from submission to a signed letter (or a refusal or cancellation). */
export const STATUSES = ['submitted', 'checking', 'returned', 'processing', 'awaitingSignature', 'done', 'rejected', 'cancelled'] as const
export type Status = (typeof STATUSES)[number]

/** A status's name, as residents and staff read it. */
export const statusName = (status: Status) => ({ code: `status.${status}` }) as const satisfies ResidentServicesMessage

export type Actor = 'resident' | 'officer' | 'head'

type Transition = { to: Status; by: Actor[]; noteRequired?: boolean }

const TRANSITIONS: Record<Status, Transition[]> = {
  submitted: [
    { to: 'checking', by: ['officer', 'head'] },
    { to: 'cancelled', by: ['resident'] },
    { to: 'rejected', by: ['officer', 'head'], noteRequired: true },
  ],
  checking: [
    { to: 'returned', by: ['officer', 'head'], noteRequired: true },
    { to: 'processing', by: ['officer', 'head'] },
    { to: 'rejected', by: ['officer', 'head'], noteRequired: true },
    { to: 'cancelled', by: ['resident'] },
  ],
  // The resident completes a returned request; it goes back to the officer's check.
  returned: [
    { to: 'checking', by: ['resident', 'officer', 'head'] },
    { to: 'rejected', by: ['officer', 'head'], noteRequired: true },
    { to: 'cancelled', by: ['resident'] },
  ],
  processing: [
    // Reaching Menunggu Tanda Tangan issues the letter (see letters).
    { to: 'awaitingSignature', by: ['officer', 'head'] },
    { to: 'rejected', by: ['officer', 'head'], noteRequired: true },
  ],
  // Only the village head's signature completes a request.
  awaitingSignature: [
    { to: 'done', by: ['head'] },
    { to: 'processing', by: ['head'], noteRequired: true },
  ],
  done: [],
  rejected: [],
  cancelled: [],
}

export class TransitionRefused extends Error {
  constructor(readonly reason: ResidentServicesMessage) {
    super(translate('en', reason))
  }
}

/** Where a request may go next from `from`, for this actor. */
export const nextStatuses = (from: Status, actor: Actor): Status[] => TRANSITIONS[from].filter((t) => t.by.includes(actor)).map((t) => t.to)

/** Throws TransitionRefused (with a message for people) unless `actor` may move a request from `from` to `to`. */
export const assertTransition = (from: Status, to: Status, actor: Actor, note?: string | null): void => {
  const transition = TRANSITIONS[from].find((t) => t.to === to)
  if (!transition) throw new TransitionRefused({ code: 'transition.impossible', params: { from: statusName(from), to: statusName(to) } })
  if (!transition.by.includes(actor)) throw new TransitionRefused({ code: 'transition.notAllowed', params: { to: statusName(to) } })
  if (transition.noteRequired && !note?.trim())
    throw new TransitionRefused({ code: 'transition.noteRequired', params: { to: statusName(to) } })
}

/** Statuses in which the resident may still cancel (processing has not started). */
export const isCancellable = (status: Status) => nextStatuses(status, 'resident').includes('cancelled')
/** A request is finished (done, rejected or cancelled) when it can go nowhere else. */
export const isFinal = (status: Status) => TRANSITIONS[status].length === 0
export const FINAL_STATUSES = STATUSES.filter(isFinal)
