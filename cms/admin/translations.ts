/**
 * Payload's Indonesian is complete, but its rich text editor (Lexical) ships no Indonesian: without these
 * the editor shows its keys ("lexical:general:placeholder"). Merged into Payload's translations by i18n.
 */
export const lexicalIndonesian = {
  lexical: {
    general: {
      placeholder: "Mulai mengetik, atau tekan '/' untuk perintah…",
      slashMenuBasicGroupLabel: 'Dasar',
      slashMenuListGroupLabel: 'Daftar',
      toolbarItemsActive: '{{count}} aktif',
    },
    align: {
      alignCenterLabel: 'Rata tengah',
      alignJustifyLabel: 'Rata kiri-kanan',
      alignLeftLabel: 'Rata kiri',
      alignRightLabel: 'Rata kanan',
    },
    blockquote: { label: 'Kutipan' },
    blocks: {
      inlineBlocks: { create: 'Buat {{label}}', edit: 'Ubah {{label}}', label: 'Blok sebaris', remove: 'Hapus {{label}}' },
      label: 'Blok',
    },
    checklist: { label: 'Daftar centang' },
    heading: { label: 'Judul {{headingLevel}}' },
    horizontalRule: { label: 'Garis pemisah' },
    indent: { decreaseLabel: 'Kurangi inden', increaseLabel: 'Tambah inden' },
    link: { label: 'Tautan', loadingWithEllipsis: 'Memuat…' },
    orderedList: { label: 'Daftar bernomor' },
    paragraph: { label: 'Paragraf', label2: 'Teks biasa' },
    relationship: { label: 'Relasi' },
    unorderedList: { label: 'Daftar berbutir' },
    upload: { label: 'Unggahan' },
  },
}
