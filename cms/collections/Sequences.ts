import { L } from '../lib/localize'
import { serverState } from './serverState'

/**
 * Numbers handed out one after the other (letter numbers per service and year), each advanced by one atomic
 * statement in the database (cms/instances/atomicStore.ts), so every app instance draws from the same sequence.
 */
export const Sequences = serverState({
  slug: 'sequences',
  labels: { singular: L('Urutan nomor', 'Sequence'), plural: L('Urutan nomor', 'Sequences') },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true, label: L('Kunci', 'Key') },
    { name: 'value', type: 'number', required: true, label: L('Nomor terakhir', 'Last number') },
  ],
})
