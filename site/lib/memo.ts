/**
 * Shares one read among identical calls for `ttlMs`: under load, 50 visitors of the same catalog page
 * cause one database query instead of 50. Only for public catalog reads, where a view up to a few
 * seconds old is fine; cart and checkout always re-read prices and stock.
 */
export const memo = <A extends unknown[], R>(read: (...args: A) => Promise<R>, ttlMs = 2000, maxEntries = 500) => {
  const entries = new Map<string, { at: number; value: Promise<R> }>()
  return (...args: A): Promise<R> => {
    const key = JSON.stringify(args)
    const hit = entries.get(key)
    if (hit && Date.now() - hit.at < ttlMs) return hit.value
    const value = read(...args)
    value.catch(() => entries.delete(key))
    entries.delete(key)
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!)
    entries.set(key, { at: Date.now(), value })
    return value
  }
}
