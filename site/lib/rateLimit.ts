/**
 * A fixed-window request limit per client address, in memory (one process serves the site).
 * Returns the seconds to wait when the client is over the limit, or 0.
 */
export const createRateLimit = ({ limit, windowMs }: { limit: number; windowMs: number }) => {
  const windows = new Map<string, { start: number; count: number }>()
  return (client: string, now = Date.now()): number => {
    if (windows.size > 10_000) for (const [key, w] of windows) if (now - w.start >= windowMs) windows.delete(key)
    const current = windows.get(client)
    if (!current || now - current.start >= windowMs) {
      windows.set(client, { start: now, count: 1 })
      return 0
    }
    current.count += 1
    return current.count > limit ? Math.ceil((current.start + windowMs - now) / 1000) : 0
  }
}
