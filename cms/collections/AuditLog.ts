import type { CollectionConfig } from 'payload'
import { isAdmin, nobody } from '../access'
import { L } from '../lib/localize'
import { witaDateTime } from '../admin/dates'

/** Who viewed, changed or corrected a resident's request. Written only by the server; read by the village's administrators. */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: L('Catatan audit', 'Audit entry'), plural: L('Log audit', 'Audit log') },
  admin: {
    defaultColumns: ['at', 'action', 'user', 'request', 'detail', 'before', 'after'],
    group: L('Layanan warga', 'Resident services'),
  },
  defaultSort: '-at',
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'at', type: 'date', required: true, index: true, label: L('Waktu', 'When'), admin: witaDateTime({ readOnly: true }) },
    {
      name: 'action',
      type: 'select',
      required: true,
      label: L('Tindakan', 'Action'),
      options: [
        { value: 'view', label: L('Melihat', 'Viewed') },
        { value: 'change', label: L('Mengubah', 'Changed') },
        { value: 'correct', label: L('Mengoreksi', 'Corrected') },
        { value: 'download', label: L('Mengunduh', 'Downloaded') },
      ],
    },
    { name: 'user', type: 'relationship', relationTo: 'users', label: L('Oleh', 'By') },
    { name: 'request', type: 'relationship', relationTo: 'service-requests', index: true, label: L('Permohonan', 'Request') },
    { name: 'detail', type: 'text', label: L('Keterangan', 'Detail') },
    { name: 'before', type: 'text', label: L('Sebelum', 'Before') },
    { name: 'after', type: 'text', label: L('Sesudah', 'After') },
  ],
}
