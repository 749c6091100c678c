import type { CollectionConfig } from 'payload'
import { isAdmin, isServiceStaff, nobody } from '../access'
import { letterDownloadEndpoint } from '../resident-services/letterEndpoint'
import { L } from '../lib/localize'
import { witaDateTime } from '../admin/dates'

/** Letters issued for requests: number, signed PDF (kept privately), signature and key id. */
export const Letters: CollectionConfig = {
  slug: 'letters',
  labels: { singular: L('Surat', 'Letter'), plural: L('Surat', 'Letters') },
  admin: {
    useAsTitle: 'number',
    defaultColumns: ['number', 'service', 'issuedAt', 'signedAt', 'keyId'],
    group: L('Layanan warga', 'Resident services'),
  },
  defaultSort: '-issuedAt',
  access: { read: isServiceStaff, create: nobody, update: nobody, delete: isAdmin },
  endpoints: [letterDownloadEndpoint],
  // A number is unique in its village: two villages number their letters alike (cms/plugins/villages.ts).
  indexes: [{ fields: ['number', 'village'], unique: true }],
  fields: [
    { name: 'number', type: 'text', required: true, index: true, label: L('Nomor surat', 'Letter number'), admin: { readOnly: true } },
    {
      name: 'service',
      type: 'relationship',
      relationTo: 'services',
      required: true,
      label: L('Layanan', 'Service'),
      admin: { readOnly: true },
    },
    {
      name: 'request',
      type: 'relationship',
      relationTo: 'service-requests',
      required: true,
      label: L('Permohonan', 'Request'),
      admin: { readOnly: true },
    },
    {
      type: 'row',
      fields: [
        { name: 'year', type: 'number', required: true, index: true, label: L('Tahun', 'Year'), admin: { readOnly: true } },
        { name: 'sequence', type: 'number', required: true, label: L('Nomor urut', 'Sequence'), admin: { readOnly: true } },
      ],
    },
    {
      name: 'verificationCode',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: L('Kode verifikasi', 'Verification code'),
      admin: { readOnly: true },
    },
    { name: 'issuedAt', type: 'date', required: true, label: L('Diterbitkan', 'Issued'), admin: witaDateTime({ readOnly: true }) },
    { name: 'signedAt', type: 'date', label: L('Ditandatangani', 'Signed'), admin: witaDateTime({ readOnly: true }) },
    { name: 'signerName', type: 'text', label: L('Penanda tangan', 'Signer'), admin: { readOnly: true } },
    { name: 'keyId', type: 'text', label: L('ID kunci', 'Key id'), admin: { readOnly: true } },
    { name: 'sha256', type: 'text', index: true, label: L('SHA-256 berkas', 'File SHA-256'), admin: { readOnly: true } },
    {
      name: 'signature',
      type: 'text',
      label: L('Tanda tangan catatan (Ed25519)', 'Record signature (Ed25519)'),
      admin: { readOnly: true },
    },
    { name: 'pdfFile', type: 'text', admin: { hidden: true } },
  ],
}
