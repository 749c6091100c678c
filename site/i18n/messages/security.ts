/**
 * Interface texts of refusals: bodies too large or of unknown length, broken addresses, cross-site posts, a
 * database that cannot be written, too many attempts (naming whose: this device's, one reference's, or the
 * whole network address's).
 */
export const id = {
  'body.tooLarge': 'Kiriman terlalu besar (lebih dari {limit}). Kembali ke formulir, perkecil atau kurangi berkasnya, lalu kirim lagi.',
  'body.lengthRequired': 'Kiriman harus menyebutkan ukurannya (Content-Length).',
  'url.malformed': 'Alamat halaman tidak sah.',
  'security.crossSite':
    'Permintaan ditolak: formulir ini hanya dapat dikirim dari situs desa sendiri. Buka halaman di situs desa lalu kirim lagi.',
  'database.title': 'Sedang ada gangguan',
  'database.unwritable':
    'Situs desa sedang tidak dapat menyimpan data, jadi permintaan ini belum bisa dilayani. Tidak ada yang hilang: coba lagi beberapa menit lagi.',
  'limit.device': 'Terlalu banyak percobaan dari perangkat Anda. Coba lagi dalam {minutes} menit.',
  'limit.reference': 'Terlalu banyak percobaan untuk nomor referensi ini. Coba lagi dalam {minutes} menit.',
  'limit.network': 'Terlalu banyak permintaan dari jaringan Anda. Coba lagi dalam {minutes} menit.',
} as const

export const en: Record<keyof typeof id, string> = {
  'body.tooLarge':
    'What you sent is too large (more than {limit}). Go back to the form, make the files smaller or fewer and send it again.',
  'body.lengthRequired': 'The request must state its size (Content-Length).',
  'url.malformed': 'The page address is not valid.',
  'security.crossSite':
    'Request refused: this form can only be sent from the village website itself. Open the page on the village website and send it again.',
  'database.title': 'Temporarily unavailable',
  'database.unwritable':
    'The village website cannot save anything at the moment, so this request cannot be handled now. Nothing was lost: try again in a few minutes.',
  'limit.device': 'Too many attempts from your device. Try again in {minutes} min.',
  'limit.reference': 'Too many attempts for this reference. Try again in {minutes} min.',
  'limit.network': 'Too many requests from your network. Try again in {minutes} min.',
}
