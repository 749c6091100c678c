import type { MessageOf } from '../lib/messages'

/**
 * Why a value of a shared field or block (slug, WhatsApp number, web address, embedded address) or a publication
 * is refused; a checkbox in a list.
 */
export const id = {
  'slug.invalid': 'Slug hanya boleh berisi huruf kecil, angka dan tanda hubung.',
  'whatsapp.invalid': 'Tulis nomor WhatsApp dengan awalan +62, tanpa spasi, mis. +6281234567890.',
  'embed.url': 'Masukkan alamat lengkap yang diawali https://',
  'url.http': 'Masukkan alamat lengkap yang diawali https:// atau http://',
  'publish.indonesianRequired': '{label} dalam Bahasa Indonesia wajib diisi sebelum diterbitkan (pilih bahasa Indonesia di atas).',
  'cell.yes': 'Ya',
  'cell.no': 'Tidak',
} as const

export const en: Record<keyof typeof id, string> = {
  'slug.invalid': 'The slug may contain only lowercase letters, digits and hyphens.',
  'whatsapp.invalid': 'Write the WhatsApp number starting with +62, without spaces, e.g. +6281234567890.',
  'embed.url': 'Enter a full address starting with https://',
  'url.http': 'Enter a full address starting with https:// or http://',
  'publish.indonesianRequired': '{label} in Indonesian is required before publishing (switch the language above to Indonesian).',
  'cell.yes': 'Yes',
  'cell.no': 'No',
}

export type FieldMessage = MessageOf<{ id: typeof id; en: typeof en }>
