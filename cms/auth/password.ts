import type { AuthMessage } from './messages'

const MIN_PASSWORD_LENGTH = 10

/** Words that guessing tools try first, in Indonesian and English (compared without digits and symbols). */
const COMMON_WORDS = new Set([
  'password',
  'passw',
  'passwd',
  'pass',
  'qwerty',
  'qwertyuiop',
  'asdfgh',
  'asdfghjkl',
  'zxcvbnm',
  'letmein',
  'welcome',
  'admin',
  'administrator',
  'login',
  'iloveyou',
  'abc',
  'abcdef',
  'abcdefghij',
  'sayang',
  'rahasia',
  'katasandi',
  'sandi',
  'indonesia',
  'merdeka',
  'bismillah',
  'desa',
  'desadigital',
  'kepaladesa',
  'admindesa',
  'sekdes',
  'bumdes',
  'kelurahan',
  'jakarta',
])

const classesOf = (password: string) => [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length

/**
 * Why a new password is refused, or null when it is good enough: at least 10 characters, more than one
 * kind of character (lower case, upper case, digits, symbols), not a well-known password with digits
 * or symbols around it nor a run of a few repeated characters, and not the account's email or its name part.
 */
export const passwordProblem = (password: string, email = ''): AuthMessage | null => {
  if (password.length < MIN_PASSWORD_LENGTH) return { code: 'password.tooShort', params: { min: MIN_PASSWORD_LENGTH } }
  if (classesOf(password) < 2) return { code: 'password.oneKind' }
  const letters = password.toLowerCase().replace(/[^a-z]/g, '')
  const tooFewDistinct = new Set(password.toLowerCase()).size < 4
  if (COMMON_WORDS.has(letters) || tooFewDistinct || /^(0123456789|1234567890|0987654321)/.test(password))
    return { code: 'password.common' }
  const mail = email.trim().toLowerCase()
  const name = mail.split('@')[0] ?? ''
  const lower = password.toLowerCase()
  if (mail && (lower.includes(mail) || (name.length >= 3 && lower.includes(name)))) return { code: 'password.email' }
  return null
}
