import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Payload } from 'payload'
import { atomicStore } from '../cms/instances/atomicStore'
import { witaDate } from '../cms/lib/wita'

/** How often an instance adds the views it counted to the shared table: a crash loses at most this much. */
export const FLUSH_MS = 30_000

/** Agents that fetch pages for an index or a link preview, not for a person reading them. */
const NOT_A_READER =
  /bot|crawl|spider|slurp|facebookexternalhit|whatsapp|telegram|preview|lighthouse|headlesschrome|curl|wget|python|go-http|monitor/i

/**
 * Whether a sent page counts as a visit: a page (HTML, 200) a person's browser asked for, not a crawler, a link
 * preview, a prefetch the reader may never look at, or a check of a copy they already have (304).
 */
export const isVisit = (req: IncomingMessage, res: ServerResponse) =>
  req.method === 'GET' &&
  res.statusCode === 200 &&
  /^text\/html\b/.test(String(res.getHeader('content-type') ?? '')) &&
  !NOT_A_READER.test(req.headers['user-agent'] ?? '') &&
  !/prefetch|prerender/.test(`${req.headers['sec-purpose'] ?? ''} ${req.headers.purpose ?? ''}`)

/**
 * The page views of each village's site, counted in memory as pages are sent and added to the shared table
 * (`site-visits`, one atomic addition per village and day) every FLUSH_MS and when the server stops. Only numbers:
 * no address, cookie or agent of any visitor is kept.
 */
export class VisitCounter {
  private counts = new Map<string, { village: number; day: string; views: number }>()
  private timer: NodeJS.Timeout | null = null

  constructor(private payload: Payload) {}

  start() {
    this.timer = setInterval(() => void this.flush(), FLUSH_MS)
    this.timer.unref()
    return this
  }

  /** Counts the page once it has been sent, if it is a visit (see isVisit). */
  watch(req: IncomingMessage, res: ServerResponse, village: number) {
    res.once('finish', () => isVisit(req, res) && this.count(village))
  }

  count(village: number, at = new Date()) {
    this.add(village, witaDate(at), 1)
  }

  private add(village: number, day: string, views: number) {
    const key = `${village}|${day}`
    const entry = this.counts.get(key)
    if (entry) entry.views += views
    else this.counts.set(key, { village, day, views })
  }

  /** Adds what was counted since the last flush; what fails to be written is kept for the next one. */
  async flush() {
    const pending = [...this.counts.values()]
    this.counts.clear()
    for (const { village, day, views } of pending) {
      try {
        await atomicStore(this.payload).addVisits(village, day, views)
      } catch (err) {
        this.payload.logger.warn({ err }, 'Could not add the site visits; kept for the next try')
        this.add(village, day, views)
      }
    }
  }

  async stop() {
    if (this.timer) clearInterval(this.timer)
    await this.flush()
  }
}
