import type { MessageOf } from '../lib/messages'

/** Why an uploaded file is refused, wherever it is uploaded (cms/hooks/validateUpload.ts; a PDF whose structure Payload cannot read). */
export const id = {
  'upload.empty': 'Berkas kosong (0 byte). Pilih berkas lain.',
  'upload.tooLarge': 'Berkas terlalu besar ({size}). Ukuran maksimal {max}.',
  'upload.type': 'Isi berkas bukan jenis yang diterima ({types}), apa pun nama berkasnya.',
  'upload.damaged': 'Berkas rusak atau tidak lengkap sehingga tidak dapat dibuka. Pilih berkas lain.',
} as const

export const en: Record<keyof typeof id, string> = {
  'upload.empty': 'The file is empty (0 bytes). Choose another file.',
  'upload.tooLarge': 'The file is too large ({size}). The limit is {max}.',
  'upload.type': "The file's content is not an accepted type ({types}), whatever its name says.",
  'upload.damaged': 'The file is damaged or incomplete and cannot be opened. Choose another file.',
}

export type UploadMessage = MessageOf<{ id: typeof id; en: typeof en }>
