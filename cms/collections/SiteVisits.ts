import { L } from '../lib/localize'
import { serverState } from './serverState'

/**
 * Page views of each village's site per day (WITA), counted by the server as pages are sent: a number per village and
 * day, nothing about who visited (no address, cookie or agent is kept). Written with single atomic statements
 * (cms/instances/atomicStore.ts) so that several instances add up; the regency's statistics read it.
 */
export const SiteVisits = serverState({
  slug: 'site-visits',
  labels: { singular: L('Kunjungan situs', 'Site visits'), plural: L('Kunjungan situs', 'Site visits') },
  fields: [
    // `<village>|<day>`: one row per village and day.
    { name: 'key', type: 'text', required: true, unique: true, label: L('Kunci', 'Key') },
    { name: 'village', type: 'text', required: true, index: true, label: L('Desa', 'Village') },
    { name: 'day', type: 'text', required: true, index: true, label: L('Tanggal', 'Day') },
    { name: 'views', type: 'number', required: true, label: L('Tampilan halaman', 'Page views') },
  ],
})
