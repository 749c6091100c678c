import type { MessageOf } from '../lib/messages'

/** Why a village's record is refused, and what a visitor of a host of no village is told. */
export const id = {
  'village.code': 'Tulis kode desa Kemendagri dengan titik, mis. 64.09.01.2001.',
  'village.host': 'Tulis nama host saja, huruf kecil, tanpa https:// dan tanpa garis miring, mis. desa-a.example.id.',
  'village.unknownHost': 'Alamat ini bukan situs desa mana pun.',
  'village.lastActive': 'Desa aktif terakhir tidak dapat diarsipkan: tanpa desa aktif, situs tidak tampil di alamat mana pun.',
} as const

export const en: Record<keyof typeof id, string> = {
  'village.code': 'Write the Kemendagri village code with dots, e.g. 64.09.01.2001.',
  'village.host': 'Write the host name only, in lower case, without https:// or slashes, e.g. desa-a.example.id.',
  'village.unknownHost': 'This address is not the site of any village.',
  'village.lastActive': 'The last active village cannot be archived: without an active village, no address shows a site.',
}

export type VillageMessage = MessageOf<{ id: typeof id; en: typeof en }>
