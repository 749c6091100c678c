import { L } from '../lib/localize'
import { serverState } from './serverState'

/**
 * What each save invalidated (cms/page-cache/tags.ts), in the order of the saves, so every app instance drops
 * the same cached pages: each one reads the rows after the last it saw, once a second (cms/instances/sharedInvalidations.ts).
 */
export const ContentChanges = serverState({
  slug: 'content-changes',
  labels: { singular: L('Perubahan konten', 'Content change'), plural: L('Perubahan konten', 'Content changes') },
  fields: [
    // The instance that saved, which applied the change itself already.
    { name: 'instance', type: 'text', required: true, label: L('Instans', 'Instance') },
    // The tags, one per line.
    { name: 'tags', type: 'textarea', required: true, label: L('Tag', 'Tags') },
    // Milliseconds since the epoch: old rows are removed.
    { name: 'at', type: 'number', required: true, index: true, label: L('Waktu', 'At') },
  ],
})
