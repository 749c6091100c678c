/**
 * A small stand-in for Meilisearch's HTTP API, injected as the client's `httpClient`: it records every
 * request, enqueues writes as tasks (which succeed unless told otherwise) and answers searches with
 * whatever hits a test stores. Only the third party's network edge is faked, never our code.
 */
/** A request the client sent: its JSON body as sent (undefined without one). */
export type Recorded = { method: string; path: string; search: string; body: unknown }
type SearchQuery = { indexUid: string; q: string; page?: number; hitsPerPage?: number }

export const fakeMeilisearch = () => {
  const requests: Recorded[] = []
  const tasks = new Map<number, { status: string; error?: { code: string; message: string } }>()
  let nextTask = 1
  const state = {
    /** Hits returned by the next searches, per index. */
    hits: {} as Record<string, Record<string, unknown>[]>,
    facetDistribution: {} as Record<string, Record<string, number>>,
    /** Makes the next writes (to `path` only, when given) fail with this Meilisearch error. */
    failWrites: null as null | { code: string; message: string; path?: string },
    down: false,
  }
  const httpClient = async (input: RequestInfo | URL, init?: RequestInit): Promise<unknown> => {
    const url = new URL(String(input))
    const method = init?.method ?? 'GET'
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined
    if (state.down) throw new TypeError('fetch failed')
    requests.push({ method, path: url.pathname, search: url.search, body })
    const task = /^\/tasks\/(\d+)$/.exec(url.pathname)
    if (task) return { uid: Number(task[1]), ...tasks.get(Number(task[1])) }
    if (url.pathname === '/health') return { status: 'available' }
    if (url.pathname === '/multi-search') {
      return {
        results: body.queries.map((q: SearchQuery) => ({
          indexUid: q.indexUid,
          hits: state.hits[q.indexUid] ?? [],
          totalHits: (state.hits[q.indexUid] ?? []).length,
          page: q.page,
          hitsPerPage: q.hitsPerPage,
          totalPages: 1,
          facetDistribution: state.facetDistribution,
          processingTimeMs: 1,
          query: q.q,
        })),
      }
    }
    const uid = nextTask++
    const fails = state.failWrites && (!state.failWrites.path || state.failWrites.path === url.pathname)
    tasks.set(
      uid,
      fails ? { status: 'failed', error: { code: state.failWrites!.code, message: state.failWrites!.message } } : { status: 'succeeded' },
    )
    return { taskUid: uid, indexUid: url.pathname.split('/')[2], status: 'enqueued', type: 'unknown', enqueuedAt: new Date().toISOString() }
  }
  return { httpClient, requests, state, writes: () => requests.filter((r) => r.method !== 'GET' && r.path !== '/multi-search') }
}
