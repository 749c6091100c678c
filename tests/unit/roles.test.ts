import { describe, expect, it } from 'vitest'
import { hasRoleIn, roleIn, villagesWithRole } from '../../cms/access/roles'

/** Editor of village 1 (the account's role), officer of village 2 (the row's). */
const person = { role: 'editor' as const, villages: [{ village: 1 }, { village: { id: 2 }, role: 'officer' as const }] }

describe("an account's role in each of its villages", () => {
  it("is the row's when it has one, else the account's, and none in a village it does not belong to", () => {
    expect(roleIn(person, 1)).toBe('editor')
    expect(roleIn(person, { id: 2 })).toBe('officer')
    expect(roleIn(person, 3)).toBeNull()
    expect(hasRoleIn(person, 2, 'admin', 'officer', 'head')).toBe(true)
    expect(hasRoleIn(person, 1, 'admin', 'officer', 'head')).toBe(false)
  })

  it('names the villages where the account has a role only when its roles differ by village', () => {
    expect(villagesWithRole(person, 'admin', 'editor')).toEqual([1])
    expect(villagesWithRole(person, 'officer')).toEqual([2])
    expect(villagesWithRole(person, 'editor', 'officer')).toBe(true)
    expect(villagesWithRole(person, 'producer')).toBe(false)
  })

  it("keeps accounts without a row's role as they were: their role everywhere they belong, or alone without villages", () => {
    const officer = { role: 'officer' as const, villages: [{ village: 1 }, { village: 2 }] }
    expect(villagesWithRole(officer, 'officer')).toBe(true)
    expect(villagesWithRole(officer, 'editor')).toBe(false)
    expect(villagesWithRole({ role: 'admin' }, 'admin')).toBe(true)
    expect(roleIn({ role: 'head', villages: [] }, 7)).toBe('head')
  })

  it("makes the regency's administrator an administrator of every village, whatever their rows say", () => {
    const regency = { role: 'regency-admin' as const, villages: [{ village: 1, role: 'editor' as const }] }
    expect(villagesWithRole(regency, 'admin')).toBe(true)
    expect(hasRoleIn(regency, 5, 'admin')).toBe(true)
    expect(villagesWithRole(regency, 'editor')).toBe(false)
    expect(villagesWithRole(null, 'admin')).toBe(false)
  })
})
