import { describe, expect, it } from 'vitest'
import { dayCounts, median, medianOfCounts } from '../../cms/regency/median'

describe('the median days to complete, combined over villages', () => {
  it("is the median of every village's requests, not the median of the villages' medians", () => {
    const busy = [1, 1, 1, 2, 2, 3, 30]
    const quiet = [10, 12]
    expect(medianOfCounts([dayCounts(busy), dayCounts(quiet)])).toBe(median([...busy, ...quiet]))
    expect(medianOfCounts([dayCounts(busy), dayCounts(quiet)])).toBe(2)
    // The median of the two medians would say 6.5 days.
    expect(((median(busy) ?? 0) + (median(quiet) ?? 0)) / 2).toBe(6.5)
  })

  it('takes the mean of the two middle values for an even count, to one decimal, and nothing for no request', () => {
    expect(medianOfCounts([dayCounts([1.04, 2.26])])).toBe(1.7)
    expect(medianOfCounts([dayCounts([]), null, undefined])).toBeNull()
    expect(dayCounts([2.54, 2.46, 0])).toEqual({ '2.5': 2, '0': 1 })
  })
})
