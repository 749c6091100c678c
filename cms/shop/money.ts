const rupiahFormat = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 })

/** "Rp 25.000": integer rupiah as Indonesians read it, on both language sites. */
export const formatRupiah = (rupiah: number) => rupiahFormat.format(rupiah)

/** Stripe's IDR is not zero-decimal: Rp 25.000 is 2500000 in its API. */
export const toStripeAmount = (rupiah: number) => {
  if (!Number.isSafeInteger(rupiah) || rupiah < 0) throw new RangeError(`Not an amount of whole rupiah: ${rupiah}`)
  return rupiah * 100
}
