/** Interface texts of refusals: bodies too large or of unknown length, broken addresses, cross-site posts, too many sign-ins or attempts. */
export const id = {
  'body.tooLarge': 'Kiriman terlalu besar (lebih dari {limit}). Kembali ke formulir, perkecil atau kurangi berkasnya, lalu kirim lagi.',
  'body.lengthRequired': 'Kiriman harus menyebutkan ukurannya (Content-Length).',
  'url.malformed': 'Alamat halaman tidak sah.',
  'security.crossSite':
    'Permintaan ditolak: formulir ini hanya dapat dikirim dari situs desa sendiri. Buka halaman di situs desa lalu kirim lagi.',
  'security.loginLimit': 'Terlalu banyak percobaan masuk dari alamat ini. Coba lagi dalam {minutes} menit.',
  'limit.tooMany': 'Terlalu banyak percobaan dari perangkat Anda. Coba lagi dalam {seconds} detik.',
} as const

export const en: Record<keyof typeof id, string> = {
  'body.tooLarge':
    'What you sent is too large (more than {limit}). Go back to the form, make the files smaller or fewer and send it again.',
  'body.lengthRequired': 'The request must state its size (Content-Length).',
  'url.malformed': 'The page address is not valid.',
  'security.crossSite':
    'Request refused: this form can only be sent from the village website itself. Open the page on the village website and send it again.',
  'security.loginLimit': 'Too many sign-in attempts from this address. Try again in {minutes} minutes.',
  'limit.tooMany': 'Too many attempts from your device. Try again in {seconds} seconds.',
}
