type Id = number | string

/** The id of a relationship value, whether Payload populated it (the document) or not (the id itself). */
export function idOf<I extends Id>(ref: I | { id: I }): I
export function idOf<I extends Id>(ref: I | { id: I } | null | undefined): I | null
export function idOf<I extends Id>(ref: I | { id: I } | null | undefined): I | null {
  if (ref === null || ref === undefined) return null
  return typeof ref === 'object' ? ref.id : ref
}

/** The related document when Payload populated it (depth ≥ 1), else null. */
export const populated = <T extends { id: Id }>(ref: T | Id | null | undefined): T | null => (ref && typeof ref === 'object' ? ref : null)
