import type { CollectionConfig, Field } from 'payload'
import { canReadStatistics, nobody } from '../access'
import { witaDateTime } from '../admin/dates'
import { L, type Localized } from '../lib/localize'

export const figure = (name: string, label: Localized): Field => ({ name, type: 'number', label, admin: { readOnly: true } })
/** Numbers by key, kept as JSON: `{ "2026-11-30": 12 }`. */
const counts = (name: string, label: Localized): Field => ({
  name,
  type: 'json',
  label,
  admin: { readOnly: true },
  typescriptSchema: [() => ({ type: 'object', additionalProperties: { type: 'number' } })],
})
const moment = (name: string, label: Localized): Field => ({ name, type: 'date', label, admin: witaDateTime({ readOnly: true }) })

/**
 * One row of figures per village (cms/regency/statistics.ts), counted again every quarter of an hour from the
 * villages' data, so that the regency's table opens without counting: no resident's name, NIK or contact is in it.
 */
export const VillageStatistics: CollectionConfig = {
  slug: 'village-statistics',
  labels: { singular: L('Statistik desa', 'Village statistics'), plural: L('Statistik desa', 'Village statistics') },
  admin: {
    group: L('Kabupaten', 'Regency'),
    useAsTitle: 'villageName',
    defaultColumns: [
      'villageName',
      'kecamatan',
      'active',
      'requestsReceived',
      'requestsOpen',
      'requestsOverdue',
      'requestsDone',
      'medianDaysToDone',
      'lettersSigned',
      'newsPublished',
      'productsListed',
      'servicesActive',
      'lastArticleAt',
      'lastEpisodeAt',
      'ordersPaid',
      'lastStaffSignIn',
    ],
    description: L(
      'Dihitung ulang dari data desa setiap 15 menit. Aktif: petugas masuk atau data desa berubah dalam 7 hari terakhir.',
      "Counted again from the villages' data every 15 minutes. Active: staff signed in or the village's data changed in the last 7 days.",
    ),
  },
  defaultSort: 'villageName',
  access: { read: canReadStatistics, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'village', type: 'relationship', relationTo: 'villages', required: true, unique: true, label: L('Desa', 'Village') },
    { name: 'villageName', type: 'text', label: L('Nama desa', 'Village name'), admin: { readOnly: true } },
    { name: 'kecamatan', type: 'text', index: true, label: L('Kecamatan', 'Kecamatan'), admin: { readOnly: true } },
    { name: 'active', type: 'checkbox', label: L('Aktif (7 hari)', 'Active (7 days)'), admin: { readOnly: true } },
    figure('requestsReceived', L('Permohonan masuk', 'Requests received')),
    figure('requestsOpen', L('Sedang diproses', 'In progress')),
    figure('requestsOverdue', L('Lewat tenggat', 'Overdue')),
    figure('requestsDone', L('Selesai', 'Completed')),
    figure('medianDaysToDone', L('Median hari sampai selesai', 'Median days to complete')),
    // `{ "2.5": 3 }`: how many requests took each number of days, to combine the medians of several villages.
    counts('daysToDone', L('Sebaran hari sampai selesai', 'Days to complete, counted')),
    figure('lettersSigned', L('Surat ditandatangani', 'Letters signed')),
    figure('newsPublished', L('Berita terbit', 'News published')),
    figure('episodesPublished', L('Episode terbit', 'Episodes published')),
    figure('productsListed', L('Produk dijual', 'Products for sale')),
    figure('ordersPaid', L('Pesanan dibayar', 'Paid orders')),
    figure('servicesActive', L('Layanan daring aktif', 'Services online')),
    moment('lastArticleAt', L('Berita terakhir terbit', 'Last article published')),
    moment('lastEpisodeAt', L('Episode terakhir terbit', 'Last episode published')),
    // `{ "2026-11-30": 12 }`: the days (WITA) of the last 31 with their page views, summed over the window when read.
    counts('visitsByDay', L('Kunjungan situs per hari (31 hari terakhir)', 'Site visits per day (last 31 days)')),
    moment('lastStaffSignIn', L('Petugas terakhir masuk', 'Staff last signed in')),
    moment('lastDataChange', L('Data terakhir berubah', 'Data last changed')),
    moment('computedAt', L('Dihitung', 'Counted at')),
  ],
}
