import type { CollectionConfig } from 'payload'
import { canReadStatistics, nobody } from '../access'
import { L } from '../lib/localize'
import { figure } from './VillageStatistics'

/**
 * A village's figures for one service in one month (cms/regency/monthly.ts), counted with its row of
 * `village-statistics`, so that the regency's dashboard sums rows instead of reading requests: what came in that
 * month, what was finished that month and how long it took, the letters signed that month. Nothing about any resident.
 */
export const VillageMonthlyStatistics: CollectionConfig = {
  slug: 'village-monthly-statistics',
  labels: {
    singular: L('Statistik bulanan desa', "Village's monthly statistics"),
    plural: L('Statistik bulanan desa', "Villages' monthly statistics"),
  },
  // Read through the regency's dashboard (/admin/regency).
  admin: { group: L('Kabupaten', 'Regency'), hidden: true, useAsTitle: 'month' },
  defaultSort: 'month',
  access: { read: canReadStatistics, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['village', 'month', 'serviceSlug'], unique: true }],
  fields: [
    { name: 'village', type: 'relationship', relationTo: 'villages', required: true, index: true, label: L('Desa', 'Village') },
    { name: 'kecamatan', type: 'text', index: true, label: L('Kecamatan', 'Kecamatan'), admin: { readOnly: true } },
    { name: 'month', type: 'text', required: true, index: true, label: L('Bulan (TTTT-BB)', 'Month (YYYY-MM)'), admin: { readOnly: true } },
    { name: 'serviceSlug', type: 'text', required: true, label: L('Layanan (slug)', 'Service (slug)'), admin: { readOnly: true } },
    {
      name: 'serviceTitle',
      type: 'json',
      label: L('Nama layanan (id, en)', 'Service name (id, en)'),
      admin: { readOnly: true },
      typescriptSchema: [
        () => ({
          type: 'object',
          properties: { id: { type: 'string' }, en: { type: 'string' } },
          required: ['id', 'en'],
          additionalProperties: false,
        }),
      ],
    },
    figure('requestsReceived', L('Permohonan masuk', 'Requests received')),
    figure('requestsDone', L('Selesai', 'Completed')),
    figure('medianDaysToDone', L('Median hari sampai selesai', 'Median days to complete')),
    figure('lettersSigned', L('Surat ditandatangani', 'Letters signed')),
  ],
}
