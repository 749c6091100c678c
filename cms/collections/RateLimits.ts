import { L } from '../lib/localize'
import { serverState } from './serverState'

/**
 * The counters of every rate limit, in the app's own database so that several app instances count together.
 * Written only by the server's own code, with single atomic statements (cms/instances/atomicStore.ts).
 */
export const RateLimits = serverState({
  slug: 'rate-limits',
  labels: { singular: L('Batas laju', 'Rate limit'), plural: L('Batas laju', 'Rate limits') },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true, label: L('Kunci', 'Key') },
    { name: 'count', type: 'number', required: true, label: L('Jumlah', 'Count') },
    // Milliseconds since the epoch: when the window ends (fixed windows) or the counter may be forgotten.
    { name: 'resetAt', type: 'number', required: true, index: true, label: L('Berakhir pada', 'Resets at') },
  ],
})
