/** Integer rupiah for people: "Rp 10.000". */
export const formatRupiah = (rupiah: number) =>
  new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(rupiah)

/** A bilingual message in the page's language. */
export const inLocale = (message: { id: string; en: string }, locale: 'id' | 'en') => message[locale]
