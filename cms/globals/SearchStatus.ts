import type { GlobalConfig } from 'payload'
import { isEditorSomewhere } from '../access'
import { searchEngine } from '../search/engine'
import { L } from '../lib/localize'
import { witaDateTime } from '../admin/dates'

const readOnly = { readOnly: true }

/** What the admin sees of the search engine: whether it answers now, and when the index last synced. */
export const SearchStatus: GlobalConfig = {
  slug: 'search-status',
  label: L('Status pencarian', 'Search status'),
  admin: { group: L('Pencarian', 'Search') },
  // Written only by the sync jobs (overrideAccess); staff read it.
  access: { read: isEditorSomewhere, update: () => false },
  hooks: {
    afterRead: [
      async ({ doc }) => {
        const health = await searchEngine().health()
        return { ...doc, engine: health.engine, healthy: health.ok, detail: health.detail }
      },
    ],
  },
  fields: [
    { name: 'engine', type: 'text', virtual: true, label: L('Mesin', 'Engine'), admin: readOnly },
    { name: 'healthy', type: 'checkbox', virtual: true, label: L('Mesin menjawab', 'Engine answers'), admin: readOnly },
    { name: 'detail', type: 'text', virtual: true, label: L('Keterangan', 'Details'), admin: readOnly },
    {
      name: 'lastSyncAt',
      type: 'date',
      label: L('Sinkron terakhir', 'Last sync'),
      admin: witaDateTime({ readOnly: true }),
    },
    {
      name: 'lastError',
      type: 'textarea',
      label: L('Kesalahan terakhir (akan dicoba ulang)', 'Last error (will be retried)'),
      admin: readOnly,
    },
    {
      name: 'lastErrorAt',
      type: 'date',
      label: L('Waktu kesalahan', 'Error time'),
      admin: witaDateTime({ readOnly: true }),
    },
  ],
}
