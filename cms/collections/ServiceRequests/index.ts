import { APIError, type CollectionBeforeDeleteHook, type CollectionConfig } from 'payload'
import { canReadRequests, isAdmin, isServiceStaff, nobody } from '../../access'
import { L } from '../../lib/localize'
import { DEFAULT_LOCALE, labelOf, LOCALES } from '../../lib/messages'
import { localize } from '../../messages'
import * as servicesMessages from '../../resident-services/messages'
import { nextStatuses, STATUSES, type Status } from '../../resident-services/status'
import { protectNik, protectNikAnswers, revealNikToStaff } from './privacy'
import { workflowActor, applyTransition, afterTransition } from './transition'
import { auditCorrections, correctableWhileOpen, keepRecordedFields, refuseUnallowedChanges } from './corrections'
import { APPLICANT_COLUMNS } from '../../resident-services/corrections'
import { witaDateTime } from '../../admin/dates'
import { filtersOnStatus, OPEN_REQUESTS } from '../../resident-services/queue'
import { attachmentsEndpoint } from './attachments'

// Residents read the same names on the tracking page and in their emails: they come from the services' catalogue.
const statusOptions = STATUSES.map((value) => ({ value, label: labelOf(servicesMessages, `status.${value}`) }))
const correctable = { update: correctableWhileOpen }

/** A letter points to its request: the letter goes first (the database would refuse otherwise). */
const keepLetteredRequests: CollectionBeforeDeleteHook = async ({ req, id }) => {
  const { totalDocs } = await req.payload.count({ collection: 'letters', where: { request: { equals: id } }, req })
  if (totalDocs > 0) {
    throw new APIError(localize(req, { code: 'request.hasLetter' }), 409, undefined, true)
  }
}

/** Residents' requests (permohonan). Created by the public form; processed by officers and the village head. */
export const ServiceRequests: CollectionConfig = {
  slug: 'service-requests',
  labels: { singular: L('Permohonan', 'Request'), plural: L('Permohonan', 'Requests') },
  admin: {
    useAsTitle: 'reference',
    defaultColumns: ['reference', 'service', 'applicantName', 'nikMasked', 'status', 'dueDate', 'submittedAt'],
    listSearchableFields: ['reference', 'applicantName'],
    group: L('Layanan warga', 'Resident services'),
    description: L(
      'Antrean permohonan. Saring menurut status dan layanan; tenggat yang lewat ditandai merah.',
      'The request queue. Filter by status and service; overdue requests are marked red.',
    ),
    // The queue opens on the requests still to handle; a filter on the status shows the others.
    baseFilter: ({ req }) => (filtersOnStatus(req.query) ? null : OPEN_REQUESTS),
    components: { beforeListTable: ['/components/QueueScope#QueueScope'] },
  },
  defaultSort: 'dueDate',
  access: { read: canReadRequests, create: nobody, update: isServiceStaff, delete: isAdmin },
  endpoints: [attachmentsEndpoint],
  hooks: {
    beforeOperation: [refuseUnallowedChanges],
    beforeChange: [keepRecordedFields, protectNik, protectNikAnswers, applyTransition],
    afterChange: [auditCorrections, afterTransition],
    afterRead: [revealNikToStaff],
    // The document a delete returns is no view of it (and the audit entry could not point to it).
    beforeDelete: [({ context }) => void (context.skipAudit = true), keepLetteredRequests],
  },
  fields: [
    {
      name: 'reference',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: L('Nomor referensi', 'Reference'),
      admin: { readOnly: true },
    },
    {
      name: 'service',
      type: 'relationship',
      relationTo: 'services',
      required: true,
      index: true,
      label: L('Layanan', 'Service'),
      admin: { readOnly: true },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'submitted',
      index: true,
      options: statusOptions,
      label: L('Status', 'Status'),
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      type: 'collapsible',
      label: L('Ubah status', 'Change status'),
      admin: { position: 'sidebar' },
      fields: [
        {
          name: 'nextStatus',
          type: 'select',
          options: statusOptions,
          // The officer only sees the statuses this request may move to, for their role.
          filterOptions: ({ data, options, req }) =>
            options.filter((o) =>
              nextStatuses(data?.status as Status, workflowActor(req, data?.village)).includes(
                (typeof o === 'string' ? o : o.value) as Status,
              ),
            ),
          label: L('Status baru', 'New status'),
          admin: {
            description: L(
              'Hanya perubahan yang diizinkan yang diterima. Simpan untuk menerapkan.',
              'Only allowed changes are accepted. Save to apply.',
            ),
          },
        },
        { name: 'transitionNote', type: 'textarea', label: L('Catatan / pesan untuk warga', 'Note / message for the resident') },
        // Asked for when returning a request; the resident's completion form offers one upload for each.
        {
          name: 'missingDocuments',
          type: 'json',
          label: L('Dokumen yang kurang', 'Missing documents'),
          admin: {
            condition: (data) => data?.nextStatus === 'returned',
            description: L(
              'Warga akan diminta mengunggah dokumen yang dicentang.',
              'The resident is asked to upload each ticked document.',
            ),
            components: { Field: '/components/MissingDocumentsField#MissingDocumentsField' },
          },
        },
      ],
    },
    {
      name: 'dueDate',
      type: 'text',
      index: true,
      label: L('Tenggat (WITA)', 'Due (WITA)'),
      admin: {
        readOnly: true,
        position: 'sidebar',
        components: { Cell: '/components/DueDate#DueDateCell', Field: '/components/DueDate#DueDateField' },
      },
    },
    {
      name: 'submittedAt',
      type: 'date',
      label: L('Diajukan', 'Submitted'),
      admin: { ...witaDateTime({ readOnly: true }), position: 'sidebar' },
    },
    {
      name: 'completedAt',
      type: 'date',
      label: L('Selesai', 'Completed'),
      admin: { ...witaDateTime({ readOnly: true }), position: 'sidebar' },
    },
    {
      name: 'whatsappLink',
      type: 'text',
      label: L('Pesan WhatsApp untuk warga', 'WhatsApp message for the resident'),
      admin: { readOnly: true, position: 'sidebar', components: { Field: '/components/WhatsAppLink#WhatsAppLink' } },
    },
    { name: 'correctionNote', type: 'ui', admin: { components: { Field: '/components/CorrectionNote#CorrectionNote' } } },
    {
      type: 'row',
      fields: [
        {
          name: 'applicantName',
          type: 'text',
          required: true,
          label: labelOf(servicesMessages, APPLICANT_COLUMNS.applicantName.label.code),
          access: correctable,
        },
        { name: 'nikMasked', type: 'text', label: L('NIK', 'NIK'), admin: { readOnly: true } },
      ],
    },
    // The NIK is stored only encrypted; staff see it decrypted in `nik`, which is never stored.
    { name: 'nikEncrypted', type: 'text', admin: { hidden: true } },
    { name: 'nik', type: 'text', virtual: true, label: L('NIK lengkap', 'Full NIK'), access: correctable },
    {
      type: 'row',
      fields: [
        {
          name: 'phone',
          type: 'text',
          required: true,
          label: labelOf(servicesMessages, APPLICANT_COLUMNS.phone.label.code),
          access: correctable,
        },
        { name: 'email', type: 'email', label: labelOf(servicesMessages, APPLICANT_COLUMNS.email.label.code), access: correctable },
      ],
    },
    { name: 'phoneLast4', type: 'text', index: true, admin: { hidden: true } },
    // The language the resident applied in: every email and WhatsApp text about the request uses it.
    { name: 'locale', type: 'select', options: [...LOCALES], defaultValue: DEFAULT_LOCALE, admin: { hidden: true } },
    // A random id the resident's browser puts in the form: a resent submission (offline queue, retry) finds its request.
    { name: 'submissionKey', type: 'text', unique: true, index: true, admin: { hidden: true } },
    // True while submitRequest writes the request's parts (row, answers, attachments, timeline); a request
    // still marked after a crash was never confirmed to the resident and is removed (recoverIncompleteRequests).
    { name: 'incomplete', type: 'checkbox', defaultValue: false, index: true, admin: { hidden: true } },
    // The app instance that writes the request: only its lease running out lets another remove it while incomplete.
    { name: 'writtenBy', type: 'text', index: true, admin: { hidden: true } },
    { name: 'address', type: 'textarea', label: labelOf(servicesMessages, APPLICANT_COLUMNS.address.label.code), access: correctable },
    {
      name: 'answers',
      type: 'json',
      label: L('Jawaban formulir', 'Form answers'),
      access: correctable,
      // A table labelled by the service's form, not Payload's JSON code editor (which loads from a CDN).
      admin: { components: { Field: '/components/AnswersField#AnswersField' } },
    },
    {
      name: 'attachments',
      type: 'array',
      label: L('Lampiran', 'Attachments'),
      labels: { singular: L('Lampiran', 'Attachment'), plural: L('Lampiran', 'Attachments') },
      admin: { readOnly: true, components: { RowLabel: '/components/AttachmentRow#AttachmentRow' } },
      fields: [
        { name: 'field', type: 'text', label: L('Isian', 'Field') },
        { name: 'label', type: 'text', label: L('Label', 'Label') },
        { name: 'file', type: 'text', admin: { hidden: true } },
        { name: 'mime', type: 'text', label: L('Jenis', 'Type') },
        { name: 'size', type: 'number', label: L('Ukuran (byte)', 'Size (bytes)') },
        { name: 'purgedAt', type: 'date', label: L('Dihapus', 'Purged'), admin: witaDateTime({ readOnly: true }) },
      ],
    },
    {
      name: 'timeline',
      type: 'array',
      label: L('Riwayat', 'Timeline'),
      labels: { singular: L('Kejadian', 'Event'), plural: L('Riwayat', 'Timeline') },
      admin: { readOnly: true, components: { RowLabel: '/components/RequestTimelineRow#RequestTimelineRow' } },
      fields: [
        { name: 'status', type: 'select', options: statusOptions, required: true, label: L('Status', 'Status') },
        { name: 'at', type: 'date', required: true, label: L('Waktu', 'When'), admin: witaDateTime({ readOnly: true }) },
        // Who is in the row's title, in the editor's language ("Pemohon" is stored for the resident).
        { name: 'byName', type: 'text', label: L('Oleh', 'By'), admin: { hidden: true } },
        { name: 'byUser', type: 'relationship', relationTo: 'users', label: L('Akun petugas', 'Staff account'), admin: { hidden: true } },
        { name: 'note', type: 'textarea', label: L('Catatan', 'Note') },
      ],
    },
    {
      name: 'deliveryProblems',
      type: 'array',
      label: L('Kabar yang gagal terkirim', 'Notices that could not be delivered'),
      labels: { singular: L('Kabar gagal terkirim', 'Undelivered notice'), plural: L('Kabar yang gagal terkirim', 'Undelivered notices') },
      admin: {
        readOnly: true,
        condition: (data) => Boolean(data?.deliveryProblems?.length),
        description: L(
          'Email atau WhatsApp untuk warga yang ditolak penyedia atau tetap gagal setelah dicoba ulang. Hubungi warga dengan cara lain (mis. tautan WhatsApp di samping).',
          'Emails or WhatsApp messages to the resident that the provider refused or that still failed after the retries. Reach the resident another way (e.g. the WhatsApp link beside).',
        ),
      },
      fields: [
        { name: 'at', type: 'date', label: L('Waktu', 'When'), admin: witaDateTime({ readOnly: true }) },
        {
          name: 'channel',
          type: 'select',
          label: L('Saluran', 'Channel'),
          options: [
            { value: 'email', label: L('Email', 'Email') },
            { value: 'whatsapp', label: L('WhatsApp', 'WhatsApp') },
          ],
        },
        { name: 'to', type: 'text', label: L('Kepada', 'To') },
        { name: 'error', type: 'textarea', label: L('Pesan dari penyedia', "The provider's message") },
      ],
    },
    {
      name: 'letter',
      type: 'relationship',
      relationTo: 'letters',
      label: L('Surat', 'Letter'),
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
}
