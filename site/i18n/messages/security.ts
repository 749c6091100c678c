/** Interface texts of the server's own refusals: request bodies too large or of unknown length, broken addresses. */
export const id = {
  'body.tooLarge': 'Kiriman terlalu besar (lebih dari {limit}). Kembali ke formulir, perkecil atau kurangi berkasnya, lalu kirim lagi.',
  'body.lengthRequired': 'Kiriman harus menyebutkan ukurannya (Content-Length).',
  'url.malformed': 'Alamat halaman tidak sah.',
}

export const en: Record<keyof typeof id, string> = {
  'body.tooLarge': 'What you sent is too large (more than {limit}). Go back to the form, make the files smaller or fewer and send it again.',
  'body.lengthRequired': 'The request must state its size (Content-Length).',
  'url.malformed': 'The page address is not valid.',
}
