import type { MessageOf } from '../lib/messages'

/** Why an uploaded file is refused, wherever it is uploaded (cms/hooks/validateUpload.ts). */
export const id = {
  'upload.empty': 'Berkas kosong (0 byte). Pilih berkas lain.',
  'upload.tooLarge': 'Berkas terlalu besar ({size}). Ukuran maksimal {max}.',
  'upload.type': 'Isi berkas bukan jenis yang diterima ({types}), apa pun nama berkasnya.',
} as const

export const en: Record<keyof typeof id, string> = {
  'upload.empty': 'The file is empty (0 bytes). Choose another file.',
  'upload.tooLarge': 'The file is too large ({size}). The limit is {max}.',
  'upload.type': "The file's content is not an accepted type ({types}), whatever its name says.",
}

export type UploadMessage = MessageOf<{ id: typeof id; en: typeof en }>
