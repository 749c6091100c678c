import { describe, expect, it } from 'vitest'
import { passwordProblem } from '../../cms/auth/password'
import { translate } from '../../cms/messages'

const inLanguage = (locale: 'id' | 'en', password: string, email = 'siti@desa.test') => {
  const problem = passwordProblem(password, email)
  return problem && translate(locale, problem)
}
const refusal = (password: string, email?: string) => inLanguage('en', password, email)

describe('password rules', () => {
  it('accept a long password that mixes kinds of characters', () => {
    expect(refusal('kata-sandi-rahasia-123')).toBeNull()
    expect(refusal('Pohon Kelapa 7 Batang')).toBeNull()
  })

  it('refuse fewer than 10 characters', () => {
    expect(refusal('Ab3$efgh9')).toMatch(/at least 10/)
  })

  it('refuse a password of one kind of character only', () => {
    expect(refusal('pohonkelapatinggi')).toMatch(/more than one kind/)
    expect(refusal('81726354901')).toMatch(/more than one kind/)
  })

  it('refuse well-known passwords, whatever digits and symbols surround them', () => {
    for (const common of ['Password2024!', 'qwerty123456', 'Rahasia!2024', '1234567890ab', 'aaaaaaaaaa1'])
      expect(refusal(common)).toMatch(/too common/)
  })

  it('refuse a password containing the account email or its name part', () => {
    expect(refusal('siti@desa.test1')).toMatch(/email/)
    expect(refusal('Siti-2024-kelapa')).toMatch(/email/)
  })

  it('give the reason in Indonesian too', () => {
    expect(inLanguage('id', 'pendek', '')).toBe('Kata sandi minimal 10 karakter.')
  })
})
