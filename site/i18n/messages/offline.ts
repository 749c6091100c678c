/** Interface texts of the offline page, the offline notice, the app manifest and the offline request queue. */
export const id = {
  'offline.notice': 'Anda sedang luring (tanpa koneksi). Halaman yang pernah dibuka tetap bisa dibaca.',
  'offline.title': 'Anda sedang luring',
  'offline.body': 'Halaman ini belum tersimpan di perangkat Anda dan tidak bisa dimuat tanpa koneksi internet.',
  'offline.hint': 'Berita, produk, dan layanan yang pernah Anda buka tetap bisa dibaca. Coba lagi saat koneksi kembali.',
  'offline.home': 'Ke beranda',
  'app.description': 'Berita, produk, dan layanan warga desa.',
  'queue.queued':
    'Anda sedang luring. Permohonan Anda tersimpan di perangkat ini dan akan dikirim otomatis begitu koneksi kembali. Jangan hapus data browser sebelum terkirim.',
  'queue.completionQueued':
    'Anda sedang luring. Kelengkapan Anda tersimpan di perangkat ini dan akan dikirim otomatis begitu koneksi kembali. Jangan hapus data browser sebelum terkirim.',
  'queue.completionSending': 'Mengirim kelengkapan yang tersimpan…',
  'queue.sending': 'Mengirim permohonan yang tersimpan…',
} as const

export const en: Record<keyof typeof id, string> = {
  'offline.notice': 'You are offline. Pages you have opened before can still be read.',
  'offline.title': 'You are offline',
  'offline.body': 'This page is not saved on your device and cannot be loaded without an internet connection.',
  'offline.hint': 'News, products and services you have opened before can still be read. Try again when you are back online.',
  'offline.home': 'Go to the home page',
  'app.description': 'News, products and resident services of the village.',
  'queue.queued':
    'You are offline. Your request is saved on this device and will be sent automatically when the connection returns. Do not clear the browser data before it is sent.',
  'queue.completionQueued':
    'You are offline. Your documents are saved on this device and will be sent automatically when the connection returns. Do not clear the browser data before they are sent.',
  'queue.completionSending': 'Sending your saved documents…',
  'queue.sending': 'Sending your saved request…',
}
