import type { CollectionConfig, PayloadRequest } from 'payload'
import { anyone, canManageServices } from '../access'
import { slugField } from '../fields/slug'
import { L } from '../lib/localize'
import { localize } from '../messages'
import { DEFAULT_NUMBER_FORMAT, unknownPlaceholders } from '../resident-services/numbering'
import { FIELD_TYPES, FILE_TYPES } from '../resident-services/formFields'
import { countVillageOnChange } from '../regency/statistics'

const typeLabels: Record<(typeof FIELD_TYPES)[number], { id: string; en: string }> = {
  text: L('Teks singkat', 'Short text'),
  textarea: L('Teks panjang', 'Long text'),
  number: L('Angka', 'Number'),
  date: L('Tanggal', 'Date'),
  select: L('Pilihan', 'Select'),
  checkbox: L('Kotak centang', 'Checkbox'),
  nik: L('NIK (16 digit)', 'NIK (16 digits)'),
  phone: L('Nomor HP', 'Phone'),
  email: L('Email', 'Email'),
  file: L('Unggah berkas', 'File upload'),
}

/** Services (layanan) residents can apply for, each with its request form and letter template. */
export const Services: CollectionConfig = {
  slug: 'services',
  labels: { singular: L('Layanan', 'Service'), plural: L('Layanan', 'Services') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'code', 'processingDays', 'active'],
    group: L('Layanan warga', 'Resident services'),
  },
  hooks: { afterChange: [countVillageOnChange.afterChange], afterDelete: [countVillageOnChange.afterDelete] },
  defaultSort: 'order',
  access: { read: anyone, create: canManageServices, update: canManageServices, delete: canManageServices },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, label: L('Nama layanan', 'Service name') },
    slugField('name'),
    {
      type: 'row',
      fields: [
        {
          name: 'code',
          type: 'text',
          required: true,
          label: L('Kode surat', 'Letter code'),
          admin: { description: L('Dipakai pada nomor surat, mis. 474.1.', 'Used in letter numbers, e.g. 474.1.') },
        },
        { name: 'fee', type: 'number', min: 0, defaultValue: 0, required: true, label: L('Biaya (rupiah)', 'Fee (rupiah)') },
        {
          name: 'processingDays',
          type: 'number',
          min: 1,
          defaultValue: 3,
          required: true,
          label: L('Lama proses (hari kerja)', 'Processing time (working days)'),
        },
      ],
    },
    { name: 'order', type: 'number', defaultValue: 10, label: L('Urutan', 'Order'), admin: { position: 'sidebar' } },
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      label: L('Bisa diajukan daring', 'Open for online requests'),
      admin: { position: 'sidebar' },
    },
    { name: 'summary', type: 'textarea', required: true, localized: true, label: L('Ringkasan', 'Summary') },
    { name: 'audience', type: 'textarea', localized: true, label: L('Untuk siapa', 'Who it is for') },
    {
      name: 'documents',
      type: 'array',
      label: L('Dokumen yang diperlukan', 'Documents you need'),
      labels: { singular: L('Dokumen', 'Document'), plural: L('Dokumen', 'Documents') },
      fields: [{ name: 'item', type: 'text', required: true, localized: true, label: L('Dokumen', 'Document') }],
    },
    {
      name: 'steps',
      type: 'array',
      label: L('Langkah', 'Steps'),
      labels: { singular: L('Langkah', 'Step'), plural: L('Langkah', 'Steps') },
      fields: [{ name: 'item', type: 'text', required: true, localized: true, label: L('Langkah', 'Step') }],
    },
    {
      name: 'inPerson',
      type: 'textarea',
      localized: true,
      label: L('Cara lain mengajukan (datang langsung)', 'Other ways to apply (in person)'),
    },
    {
      name: 'form',
      type: 'array',
      label: L('Formulir permohonan', 'Request form'),
      labels: { singular: L('Isian', 'Field'), plural: L('Isian', 'Fields') },
      admin: {
        description: L(
          'Nama, NIK, nomor HP, email dan alamat pemohon selalu ditanyakan; tambahkan isian khusus layanan ini.',
          "The applicant's name, NIK, phone, email and address are always asked; add this service's own fields.",
        ),
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'label', type: 'text', required: true, localized: true, label: L('Label', 'Label') },
            {
              name: 'name',
              type: 'text',
              required: true,
              label: L('Nama isian (untuk template)', 'Field name (for the template)'),
              validate: (value: unknown, { req }: { req: PayloadRequest }) =>
                typeof value === 'string' &&
                /^[a-z][a-z0-9_]*$/.test(value) &&
                !['nama', 'nik', 'telepon', 'email', 'alamat'].includes(value)
                  ? true
                  : localize(req, { code: 'form.fieldName' }),
            },
            {
              name: 'type',
              type: 'select',
              required: true,
              defaultValue: 'text',
              label: L('Jenis', 'Type'),
              options: FIELD_TYPES.map((value) => ({ value, label: typeLabels[value] })),
            },
            { name: 'required', type: 'checkbox', defaultValue: true, label: L('Wajib', 'Required') },
          ],
        },
        { name: 'help', type: 'text', localized: true, label: L('Teks bantuan', 'Help text') },
        {
          name: 'options',
          type: 'array',
          label: L('Pilihan', 'Options'),
          labels: { singular: L('Pilihan', 'Option'), plural: L('Pilihan', 'Options') },
          admin: { condition: (_, row) => row?.type === 'select' },
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'value', type: 'text', required: true, label: L('Nilai', 'Value') },
                { name: 'label', type: 'text', required: true, localized: true, label: L('Label', 'Label') },
              ],
            },
          ],
        },
        {
          type: 'row',
          admin: { condition: (_, row) => row?.type === 'file' },
          fields: [
            {
              name: 'accept',
              type: 'select',
              hasMany: true,
              label: L('Jenis berkas', 'Allowed file types'),
              options: Object.entries(FILE_TYPES).map(([value, label]) => ({ value, label })),
            },
            { name: 'maxSizeMB', type: 'number', min: 0.1, max: 7, defaultValue: 5, label: L('Ukuran maks. (MB)', 'Max size (MB)') },
          ],
        },
      ],
    },
    {
      name: 'letterTemplate',
      type: 'richText',
      localized: false,
      label: L('Template surat', 'Letter template'),
      admin: {
        description: L(
          'Isian: {{nama}}, {{nik}}, {{alamat}}, {{telepon}}, {{nomor_surat}}, {{tanggal}}, {{penandatangan}}, {{jabatan_penandatangan}}, {{desa}}, dan nama isian formulir, mis. {{tanggal_lahir}}, {{keperluan}}.',
          'Merge fields: {{nama}}, {{nik}}, {{alamat}}, {{telepon}}, {{nomor_surat}}, {{tanggal}}, {{penandatangan}}, {{jabatan_penandatangan}}, {{desa}}, and form field names, e.g. {{tanggal_lahir}}, {{keperluan}}.',
        ),
      },
    },
    {
      name: 'numberFormat',
      type: 'text',
      defaultValue: DEFAULT_NUMBER_FORMAT,
      label: L('Format nomor surat', 'Letter number format'),
      admin: {
        description: L(
          'Penanda: [kode], [nomor], [kode desa], [bulan romawi], [bulan], [tahun].',
          'Placeholders: [kode], [nomor], [kode desa], [bulan romawi], [bulan], [tahun].',
        ),
      },
      validate: (value: unknown, { req }: { req: PayloadRequest }) => {
        const format = String(value ?? '')
        if (!format.includes('[nomor]')) return localize(req, { code: 'form.numberFormat' })
        const unknown = unknownPlaceholders(format)
        return unknown.length ? localize(req, { code: 'form.unknownPlaceholders', params: { placeholders: unknown.join(', ') } }) : true
      },
    },
  ],
}
