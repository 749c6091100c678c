/** The life of a service request, from submission to a signed letter (or a refusal or cancellation). */
export const STATUSES = ['submitted', 'checking', 'returned', 'processing', 'awaitingSignature', 'done', 'rejected', 'cancelled'] as const
export type Status = (typeof STATUSES)[number]

export const STATUS_LABELS: Record<Status, { id: string; en: string }> = {
  submitted: { id: 'Diajukan', en: 'Submitted' },
  checking: { id: 'Diperiksa', en: 'Being checked' },
  returned: { id: 'Perlu Dilengkapi', en: 'Needs more information' },
  processing: { id: 'Diproses', en: 'Being processed' },
  awaitingSignature: { id: 'Menunggu Tanda Tangan', en: 'Awaiting signature' },
  done: { id: 'Selesai', en: 'Done' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
}

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
  constructor(readonly reason: { id: string; en: string }) {
    super(reason.en)
  }
}

/** Where a request may go next from `from`, for this actor. */
export const nextStatuses = (from: Status, actor: Actor): Status[] => TRANSITIONS[from].filter((t) => t.by.includes(actor)).map((t) => t.to)

/** Throws TransitionRefused (with a message for people) unless `actor` may move a request from `from` to `to`. */
export const assertTransition = (from: Status, to: Status, actor: Actor, note?: string | null): void => {
  const transition = TRANSITIONS[from].find((t) => t.to === to)
  const fromLabel = STATUS_LABELS[from]
  const toLabel = STATUS_LABELS[to]
  if (!transition) {
    throw new TransitionRefused({
      id: `Status tidak dapat diubah dari "${fromLabel.id}" menjadi "${toLabel.id}".`,
      en: `The status cannot change from "${fromLabel.en}" to "${toLabel.en}".`,
    })
  }
  if (!transition.by.includes(actor)) {
    throw new TransitionRefused({
      id: `Anda tidak berwenang mengubah status menjadi "${toLabel.id}".`,
      en: `You may not change the status to "${toLabel.en}".`,
    })
  }
  if (transition.noteRequired && !note?.trim()) {
    throw new TransitionRefused({
      id: `Tuliskan alasan atau pesan untuk warga saat mengubah status menjadi "${toLabel.id}".`,
      en: `Write a reason or message for the resident when changing the status to "${toLabel.en}".`,
    })
  }
}

/** Statuses in which the resident may still cancel (processing has not started). */
export const isCancellable = (status: Status) => nextStatuses(status, 'resident').includes('cancelled')
/** A request is finished (done, rejected or cancelled) when it can go nowhere else. */
export const isFinal = (status: Status) => TRANSITIONS[status].length === 0
export const FINAL_STATUSES = STATUSES.filter(isFinal)
