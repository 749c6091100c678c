/** Interface texts of the server's own refusals: cross-site posts and too many sign-in attempts. */
export const id = {
  'security.crossSite': 'Permintaan ditolak: formulir ini hanya dapat dikirim dari situs desa sendiri. Buka halaman di situs desa lalu kirim lagi.',
  'security.loginLimit': 'Terlalu banyak percobaan masuk dari alamat ini. Coba lagi dalam {minutes} menit.',
}

export const en: Record<keyof typeof id, string> = {
  'security.crossSite': 'Request refused: this form can only be sent from the village website itself. Open the page on the village website and send it again.',
  'security.loginLimit': 'Too many sign-in attempts from this address. Try again in {minutes} minutes.',
}
