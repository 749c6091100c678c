import type { CollectionConfig, PayloadRequest } from 'payload'
import { isEditorSomewhere } from '../access'
import { SEARCH_QUEUE } from '../search/sync'
import { L } from '../lib/localize'

const queueApply = async ({ req }: { req: PayloadRequest }) => {
  await req.payload.jobs.queue({ task: 'searchSynonyms', queue: SEARCH_QUEUE, input: {}, req })
}

/** Words the search treats as the same, managed by the media team (e.g. oleh-oleh ↔ souvenir). */
export const SearchSynonyms: CollectionConfig = {
  slug: 'search-synonyms',
  labels: { singular: L('Sinonim pencarian', 'Search synonym'), plural: L('Sinonim pencarian', 'Search synonyms') },
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['label', 'updatedAt'],
    group: L('Pencarian', 'Search'),
    description: L(
      'Kata atau frasa dalam satu kelompok dianggap sama oleh pencarian, misalnya "oleh-oleh" dan "souvenir", atau "BUMDes" dan "badan usaha milik desa".',
      'Words or phrases in one group are treated alike by search, e.g. "oleh-oleh" and "souvenir", or "BUMDes" and "badan usaha milik desa".',
    ),
  },
  access: { read: isEditorSomewhere, create: isEditorSomewhere, update: isEditorSomewhere, delete: isEditorSomewhere },
  hooks: {
    beforeChange: [({ data }) => ({ ...data, label: (data.terms ?? []).join(' ↔ ') })],
    afterChange: [queueApply],
    afterDelete: [queueApply],
  },
  fields: [
    {
      name: 'terms',
      type: 'text',
      hasMany: true,
      required: true,
      minRows: 2,
      label: L('Kata atau frasa', 'Words or phrases'),
      admin: { description: L('Ketik satu kata atau frasa, lalu tekan Enter.', 'Type a word or phrase, then press Enter.') },
    },
    { name: 'label', type: 'text', admin: { hidden: true } },
  ],
}
