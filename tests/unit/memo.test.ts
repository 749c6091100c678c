import { describe, expect, it, vi } from 'vitest'
import { memo } from '../../site/lib/memo'

describe('memo (shared catalog reads)', () => {
  it('answers identical calls within the time limit with one read, and reads again after it', async () => {
    vi.useFakeTimers()
    const read = vi.fn(async (page: number) => ({ page }))
    const cached = memo(read, 2000)
    await Promise.all([cached(1), cached(1), cached(1)])
    expect(read).toHaveBeenCalledTimes(1)
    await cached(2)
    expect(read).toHaveBeenCalledTimes(2)
    vi.advanceTimersByTime(2001)
    await cached(1)
    expect(read).toHaveBeenCalledTimes(3)
    vi.useRealTimers()
  })

  it('does not keep a failed read', async () => {
    let calls = 0
    const cached = memo(async () => {
      calls += 1
      if (calls === 1) throw new Error('database busy')
      return 'ok'
    })
    await expect(cached()).rejects.toThrow('database busy')
    await Promise.resolve()
    expect(await cached()).toBe('ok')
  })
})
