import { describe, expect, it } from 'vitest'
import { newOrderNumber } from '../../cms/shop/orders'
import { endOfWitaDay, formatWitaDate, formatWitaDateTime, witaDate, witaMonthYear } from '../../cms/lib/wita'

// 31 December 2026, 16:30 UTC is already 1 January 2027, 00:30 in the village (UTC+8 all year).
const newYearInWita = new Date('2026-12-31T16:30:00Z')

describe('the village clock (WITA)', () => {
  it('turns the date at midnight in the village, not in UTC', () => {
    expect(witaDate(newYearInWita)).toBe('2027-01-01')
    expect(witaMonthYear(newYearInWita)).toEqual({ month: 1, year: 2027 })
    expect(endOfWitaDay('2027-01-01').toISOString()).toBe('2027-01-01T15:59:59.999Z')
  })

  it('writes moments in 24-hour WITA time, in both languages', () => {
    expect(formatWitaDateTime(newYearInWita, 'id')).toBe('1 Jan 2027, 00.30 WITA')
    expect(formatWitaDateTime('2026-11-24T13:05:00Z', 'en')).toBe('24 Nov 2026, 21:05 WITA')
    expect(formatWitaDateTime('2026-11-24T13:05:00Z', 'id', 'long')).toBe('24 November 2026 pukul 21.05 WITA')
  })

  it('writes calendar dates, or the village date of a moment', () => {
    expect(formatWitaDate('2026-11-24', 'id')).toBe('Selasa, 24 November 2026')
    expect(formatWitaDate('2026-11-24', 'en', 'long')).toBe('24 November 2026')
    expect(formatWitaDate(newYearInWita, 'en', 'long')).toBe('1 January 2027')
    expect(formatWitaDate(newYearInWita.toISOString(), 'id', 'long')).toBe('1 Januari 2027')
  })

  it('dates order numbers by the village day', () => {
    expect(newOrderNumber(newYearInWita)).toMatch(/^DD-270101-[A-Z2-9]{5}$/)
  })
})
