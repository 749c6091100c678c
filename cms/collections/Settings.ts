import type { CollectionConfig } from 'payload'
import { anyone, isAdmin, nobody } from '../access'
import { httpUrlField } from '../fields/url'
import { waNumberField } from '../fields/whatsapp'
import { L, type Localized } from '../lib/localize'
import { labelOf } from '../lib/messages'
import { TEMPLATE_EVENTS, TEMPLATE_PARAMETERS, type TemplateEvent } from '../notify/templates'
import * as servicesMessages from '../resident-services/messages'
import { qrisFromSettings, qrisSettingsField } from '../shop/qrisSettings'
import { stripeAccountField } from '../shop/stripeAccount'
import { mirrorIdentity } from '../villages/settings'
import { validateVillageCode } from './Villages'

const EVENT_LABELS: Record<TemplateEvent, Localized> = {
  received: L('Permohonan diterima', 'Request received'),
  checking: labelOf(servicesMessages, 'status.checking'),
  returned: labelOf(servicesMessages, 'status.returned'),
  processing: labelOf(servicesMessages, 'status.processing'),
  awaitingSignature: labelOf(servicesMessages, 'status.awaitingSignature'),
  done: labelOf(servicesMessages, 'status.done'),
  rejected: labelOf(servicesMessages, 'status.rejected'),
  cancelled: labelOf(servicesMessages, 'status.cancelled'),
  newOrder: L('Pesanan baru (toko)', 'New order (shop)'),
  producerOrder: L('Pesanan baru (produsen)', 'New order (producer)'),
}

/**
 * A village's identity, one document per village (the multi-tenant plugin shows it as a single page, cms/plugins/villages.ts).
 * Nothing of it lives in code, so the same code serves every village. Each village gets its own when it is added
 * (cms/villages/settings.ts); nobody removes it.
 */
export const Settings: CollectionConfig = {
  slug: 'settings',
  labels: { singular: L('Pengaturan desa', 'Village settings'), plural: L('Pengaturan desa', 'Village settings') },
  admin: { group: L('Pengaturan', 'Settings'), useAsTitle: 'name' },
  access: { read: anyone, create: nobody, update: isAdmin, delete: nobody },
  hooks: { beforeChange: [qrisFromSettings], afterChange: [mirrorIdentity] },
  fields: [
    {
      type: 'tabs',
      tabs: [
        {
          label: L('Identitas', 'Identity'),
          fields: [
            { name: 'name', type: 'text', required: true, label: L('Nama desa', 'Village name') },
            { name: 'tagline', type: 'text', localized: true, label: L('Slogan', 'Tagline') },
            { name: 'description', type: 'textarea', localized: true, label: L('Deskripsi singkat', 'Short description') },
            { name: 'logo', type: 'upload', relationTo: 'media', label: L('Logo', 'Logo') },
            { name: 'heroImage', type: 'upload', relationTo: 'media', label: L('Gambar utama beranda', 'Home page hero image') },
            {
              name: 'villageCode',
              type: 'text',
              label: L('Kode desa (Kemendagri)', 'Village code (Kemendagri)'),
              admin: {
                description: L('Dipakai pada nomor surat. Contoh: 64.09.01.2001', 'Used in letter numbers. For example 64.09.01.2001'),
              },
              validate: validateVillageCode,
            },
          ],
        },
        {
          label: L('Alamat & peta', 'Address & map'),
          fields: [
            { name: 'address', type: 'textarea', label: L('Alamat kantor desa', 'Village office address') },
            {
              type: 'row',
              fields: [
                { name: 'kecamatan', type: 'text', label: L('Kecamatan', 'District (kecamatan)') },
                { name: 'kabupaten', type: 'text', label: L('Kabupaten/Kota', 'Regency (kabupaten)') },
              ],
            },
            {
              type: 'row',
              fields: [
                { name: 'provinsi', type: 'text', label: L('Provinsi', 'Province') },
                { name: 'postalCode', type: 'text', label: L('Kode pos', 'Postal code') },
              ],
            },
            {
              type: 'row',
              fields: [
                { name: 'latitude', type: 'number', min: -90, max: 90, label: L('Lintang', 'Latitude') },
                { name: 'longitude', type: 'number', min: -180, max: 180, label: L('Bujur', 'Longitude') },
              ],
            },
          ],
        },
        {
          label: L('Kontak', 'Contacts'),
          fields: [
            { name: 'phone', type: 'text', label: L('Telepon', 'Phone') },
            waNumberField('whatsapp'),
            { name: 'email', type: 'email', label: L('Email', 'Email') },
            {
              name: 'officeHours',
              type: 'array',
              label: L('Jam pelayanan', 'Office hours'),
              labels: { singular: L('Jam pelayanan', 'Office hours'), plural: L('Jam pelayanan', 'Office hours') },
              fields: [
                { name: 'days', type: 'text', required: true, localized: true, label: L('Hari', 'Days') },
                { name: 'hours', type: 'text', required: true, label: L('Jam', 'Hours') },
              ],
            },
            {
              name: 'social',
              type: 'array',
              label: L('Media sosial', 'Social media'),
              labels: { singular: L('Akun media sosial', 'Social media account'), plural: L('Media sosial', 'Social media') },
              fields: [
                {
                  name: 'platform',
                  type: 'select',
                  required: true,
                  label: L('Platform', 'Platform'),
                  options: ['facebook', 'instagram', 'youtube', 'tiktok', 'x'].map((value) => ({ value, label: value })),
                },
                httpUrlField({ name: 'url', required: true, label: L('Alamat (URL)', 'Address (URL)') }),
              ],
            },
          ],
        },
        {
          label: L('WhatsApp', 'WhatsApp'),
          fields: [
            {
              name: 'whatsappTemplates',
              type: 'array',
              label: L('Template pesan WhatsApp', 'WhatsApp message templates'),
              labels: { singular: L('Template', 'Template'), plural: L('Template', 'Templates') },
              admin: {
                description: L(
                  'Dipakai bila WHATSAPP_TOKEN dan WHATSAPP_PHONE_NUMBER_ID dipasang di server. Untuk setiap kabar, nama template yang sudah disetujui Meta dan kode bahasanya; isian {{1}}, {{2}}… template menerima, berurutan: ' +
                    TEMPLATE_EVENTS.map((event) => `${EVENT_LABELS[event].id}: ${TEMPLATE_PARAMETERS[event].join(', ')}`).join('; ') +
                    '. Kabar tanpa template tidak dikirim lewat WhatsApp (tautan WhatsApp petugas tetap ada).',
                  "Used when WHATSAPP_TOKEN and WHATSAPP_PHONE_NUMBER_ID are set on the server. For each notice, the name of a template Meta approved and its language code; the template's {{1}}, {{2}}… receive, in order: " +
                    TEMPLATE_EVENTS.map((event) => `${EVENT_LABELS[event].en}: ${TEMPLATE_PARAMETERS[event].join(', ')}`).join('; ') +
                    ". A notice without a template is not sent on WhatsApp (the officer's WhatsApp link stays).",
                ),
              },
              fields: [
                {
                  name: 'event',
                  type: 'select',
                  required: true,
                  label: L('Kabar', 'Notice'),
                  options: TEMPLATE_EVENTS.map((value) => ({ value, label: EVENT_LABELS[value] })),
                },
                {
                  type: 'row',
                  fields: [
                    { name: 'name', type: 'text', required: true, label: L('Nama template', 'Template name') },
                    {
                      name: 'language',
                      type: 'text',
                      required: true,
                      defaultValue: 'id',
                      label: L('Bahasa (warga berbahasa Indonesia)', 'Language (Indonesian-speaking residents)'),
                    },
                    {
                      name: 'languageEn',
                      type: 'text',
                      defaultValue: 'en',
                      label: L('Bahasa (warga berbahasa Inggris)', 'Language (English-speaking residents)'),
                      admin: { description: L('Kosong: bahasa di sebelahnya.', 'Empty: the language beside.') },
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          label: L('Pembayaran', 'Payments'),
          fields: [
            {
              name: 'bank',
              type: 'group',
              label: L('Rekening bank', 'Bank account'),
              fields: [
                { name: 'bankName', type: 'text', label: L('Nama bank', 'Bank') },
                { name: 'accountNumber', type: 'text', label: L('Nomor rekening', 'Account number') },
                { name: 'accountHolder', type: 'text', label: L('Atas nama', 'Account holder') },
              ],
            },
            { name: 'qrisImage', type: 'upload', relationTo: 'media', label: L('Gambar QRIS statis', 'Static QRIS image') },
            qrisSettingsField,
            {
              name: 'paymentMethods',
              type: 'group',
              label: L('Pembayaran manual di toko', 'Manual payments in the shop'),
              admin: {
                description: L(
                  'Dikonfirmasi petugas di admin. QRIS perlu isi kode QRIS atau gambar QRIS.',
                  'Confirmed by staff in the admin. QRIS needs the QRIS content or image.',
                ),
              },
              fields: [
                { name: 'bankTransfer', type: 'checkbox', defaultValue: true, label: L('Transfer bank', 'Bank transfer') },
                { name: 'qris', type: 'checkbox', defaultValue: true, label: L('QRIS statis', 'Static QRIS') },
                { name: 'cash', type: 'checkbox', defaultValue: true, label: L('Bayar di tempat (ambil di desa)', 'Cash on pickup') },
              ],
            },
            {
              name: 'xendit',
              type: 'group',
              label: L('Xendit (QRIS, virtual account, e-wallet)', 'Xendit (QRIS, virtual accounts, e-wallets)'),
              admin: {
                description: L(
                  'Aktif bila server punya XENDIT_SECRET_KEY dan XENDIT_CALLBACK_TOKEN. Pembayaran dikonfirmasi Xendit, bukan petugas.',
                  'On when the server has XENDIT_SECRET_KEY and XENDIT_CALLBACK_TOKEN. Payments are confirmed by Xendit, not by staff.',
                ),
              },
              fields: [
                {
                  name: 'subAccountId',
                  type: 'text',
                  label: L('ID sub-akun Xendit desa', "The village's Xendit sub-account id"),
                  admin: {
                    description: L(
                      'Mode kabupaten: uang desa ini masuk ke sub-akun xenPlatform-nya (dikirim sebagai for-user-id). Kosong: akun pemilik kunci.',
                      "Regency mode: this village's money goes to its xenPlatform sub-account (sent as for-user-id). Empty: the key owner's account.",
                    ),
                  },
                },
              ],
            },
            stripeAccountField,
            { name: 'shopEmail', type: 'email', label: L('Email toko (pesanan baru)', 'Shop email (new orders)') },
            {
              name: 'returnPolicy',
              type: 'group',
              label: L('Pengembalian barang', 'Returns'),
              admin: {
                description: L(
                  'Ditampilkan ke mesin pencari pada setiap produk (hasMerchantReturnPolicy).',
                  'Shown to search engines on every product (hasMerchantReturnPolicy).',
                ),
              },
              fields: [
                {
                  name: 'days',
                  type: 'number',
                  min: 0,
                  max: 365,
                  label: L('Batas hari pengembalian (0 = tidak menerima pengembalian)', 'Days to return (0 = no returns)'),
                },
                {
                  name: 'method',
                  type: 'select',
                  defaultValue: 'mail',
                  label: L('Cara pengembalian', 'How to return'),
                  options: [
                    { value: 'mail', label: L('Dikirim lewat kurir', 'By courier') },
                    { value: 'inStore', label: L('Diantar ke kantor desa', 'At the village office') },
                  ],
                },
                {
                  name: 'fees',
                  type: 'select',
                  defaultValue: 'buyer',
                  label: L('Ongkos kirim pengembalian', 'Return shipping'),
                  options: [
                    { value: 'free', label: L('Ditanggung toko', 'Paid by the shop') },
                    { value: 'buyer', label: L('Ditanggung pembeli', 'Paid by the buyer') },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
}
