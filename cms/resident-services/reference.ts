import { randomInt } from 'node:crypto'

/** Letters and digits that cannot be mistaken for one another (no I, O, Q, Z, 0, 1). */
export const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPRSTUVWXY23456789'
export const REFERENCE_LENGTH = 8

/** A random request reference, e.g. "K7MX4PRA". */
export const newReference = (): string =>
  Array.from({ length: REFERENCE_LENGTH }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('')

/** What a resident typed, tidied: upper case, without spaces or dashes; null when it cannot be a reference. */
export const normalizeReference = (input: string): string | null => {
  const clean = input.toUpperCase().replace(/[\s-]/g, '')
  return clean.length === REFERENCE_LENGTH && [...clean].every((c) => REFERENCE_ALPHABET.includes(c)) ? clean : null
}
