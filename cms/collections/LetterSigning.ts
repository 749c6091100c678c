import type { CollectionConfig } from 'payload'
import { isAdmin } from '../access'
import { L } from '../lib/localize'
import { takeCertificate } from '../resident-services/villageCertificate'

const shown = { readOnly: true } as const

/**
 * How a village's head signs, one per village: their certificate (PKCS#12) or their NIK and passphrase at the TTE
 * service. Secrets are stored encrypted with the install's key and never returned by the API; what the certificate
 * says and the masked NIK are shown. Only the village's administrators see or change it. Without one, the install's
 * signer (LETTER_SIGNER) signs for the install's first village only.
 */
export const LetterSigning: CollectionConfig = {
  slug: 'letter-signing',
  labels: { singular: L('Sertifikat tanda tangan', 'Signing certificate'), plural: L('Sertifikat tanda tangan', 'Signing certificates') },
  admin: {
    group: L('Pengaturan', 'Settings'),
    useAsTitle: 'holder',
    description: L(
      'Sertifikat elektronik kepala desa untuk menandatangani surat warga. Berkas dan kata sandinya disimpan terenkripsi.',
      "The village head's electronic certificate that signs residents' letters. The file and its passphrase are stored encrypted.",
    ),
  },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: { beforeChange: [takeCertificate] },
  fields: [
    {
      name: 'certificateFile',
      type: 'text',
      virtual: true,
      label: L('Berkas sertifikat (.p12 atau .pfx)', 'Certificate file (.p12 or .pfx)'),
      admin: {
        // Payload shows a virtual field read-only unless told: this one is chosen, never shown back.
        readOnly: false,
        components: { Field: '/components/CertificateFields#CertificateFileField' },
        description: L('Kosongkan untuk tetap memakai sertifikat yang terpasang.', 'Leave empty to keep the installed certificate.'),
      },
    },
    {
      name: 'passphrase',
      type: 'text',
      virtual: true,
      label: L('Kata sandi sertifikat', 'Certificate passphrase'),
      admin: { readOnly: false, components: { Field: '/components/CertificateFields#PassphraseField' } },
    },
    { name: 'p12Sealed', type: 'text', hidden: true },
    { name: 'passphraseSealed', type: 'text', hidden: true },
    { name: 'holder', type: 'text', label: L('Pemegang', 'Holder'), admin: shown },
    { name: 'organization', type: 'text', label: L('Organisasi', 'Organization'), admin: shown },
    { name: 'issuer', type: 'text', label: L('Penerbit', 'Issuer'), admin: shown },
    { name: 'serialNumber', type: 'text', label: L('Nomor seri', 'Serial number'), admin: shown },
    {
      type: 'row',
      fields: [
        { name: 'validFrom', type: 'date', label: L('Berlaku sejak', 'Valid from'), admin: shown },
        { name: 'validUntil', type: 'date', label: L('Berlaku sampai', 'Valid until'), admin: shown },
      ],
    },
    {
      type: 'collapsible',
      label: L('TTE BSrE (tanda tangan di layanan TTE)', 'BSrE TTE (signed by the TTE service)'),
      admin: {
        description: L(
          'Bila server memakai layanan TTE (LETTER_SIGNER=tte): NIK kepala desa yang terdaftar di layanan itu dan passphrase-nya. Tanpa sertifikat di atas, surat desa ini ditandatangani di sana.',
          "When the server uses a TTE service (LETTER_SIGNER=tte): the village head's NIK registered there and its passphrase. Without a certificate above, this village's letters are signed there.",
        ),
      },
      fields: [
        { name: 'tteNik', type: 'text', virtual: true, label: L('NIK kepala desa', "Village head's NIK"), admin: { readOnly: false } },
        {
          name: 'ttePassphrase',
          type: 'text',
          virtual: true,
          label: L('Passphrase TTE', 'TTE passphrase'),
          admin: { readOnly: false, components: { Field: '/components/CertificateFields#PassphraseField' } },
        },
        { name: 'tteNikSealed', type: 'text', hidden: true },
        { name: 'ttePassphraseSealed', type: 'text', hidden: true },
        { name: 'tteNikShown', type: 'text', label: L('NIK terpasang', 'Installed NIK'), admin: shown },
      ],
    },
  ],
}
