export const DAY_MS = 86_400_000

/** The middle value (the mean of the two middle ones for an even count), or null for none. */
export const median = (values: number[]): number | null => {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** How many requests took each number of days (to one decimal, as the dashboard shows them): `{ "2.5": 3 }`. */
export type DayCounts = Record<string, number>

/** The days as counts per value, so that the medians of several villages can be combined exactly (not a median of medians). */
export const dayCounts = (days: number[]): DayCounts => {
  const counts: DayCounts = {}
  for (const value of days) {
    const key = String(Math.round(value * 10) / 10)
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

/** The median of every value counted in these villages' counts, or null for none. */
export const medianOfCounts = (villages: (DayCounts | null | undefined)[]): number | null => {
  const merged = new Map<number, number>()
  for (const counts of villages)
    for (const [value, n] of Object.entries(counts ?? {})) merged.set(Number(value), (merged.get(Number(value)) ?? 0) + n)
  const total = [...merged.values()].reduce((sum, n) => sum + n, 0)
  if (!total) return null
  const sorted = [...merged].sort(([a], [b]) => a - b)
  // The value at a 0-based position among all values in order.
  const at = (position: number) => {
    let seen = 0
    for (const [value, n] of sorted) {
      seen += n
      if (position < seen) return value
    }
    return sorted[sorted.length - 1][0]
  }
  const middle = Math.floor(total / 2)
  const value = total % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2
  return Math.round(value * 10) / 10
}
