/**
 * The shipping fee and total while the buyer chooses, without a round trip: the same zones and formula
 * the server uses (which computes them again when the order is placed). Without JavaScript the
 * "Hitung ongkir" button asks the server for the same numbers.
 */
import { formatRupiah } from '../../cms/shop/money'
import { shippingFee, zoneFor, type ShippingZone } from '../../cms/shop/shipping'

type ShippingData = { zones: ShippingZone[]; weight: number; subtotal: number; free: string; choose: string; noZone: string }

const form = document.querySelector<HTMLFormElement>('form[data-checkout]')
if (form) {
  const data = JSON.parse(form.dataset.checkout!) as ShippingData
  const fee = form.querySelector<HTMLElement>('[data-fee]')!
  const total = form.querySelector<HTMLElement>('[data-total]')!
  // Removed, not hidden: as the form's first submit button it would take Enter from every field (implicit submission).
  form.querySelector('[data-quote]')?.remove()
  const update = () => {
    const delivery = (form.elements.namedItem('delivery') as RadioNodeList).value
    const province = (form.elements.namedItem('province') as HTMLSelectElement).value
    const zone = delivery === 'courier' && province ? zoneFor(data.zones, province) : null
    const amount = delivery === 'pickup' ? 0 : zone ? shippingFee(zone, data.weight) : null
    fee.textContent = delivery === 'pickup' ? data.free : amount !== null ? formatRupiah(amount) : province ? data.noZone : data.choose
    total.textContent = formatRupiah(data.subtotal + (amount ?? 0))
  }
  form.addEventListener('change', (event) => {
    const name = (event.target as HTMLInputElement).name
    if (name === 'delivery' || name === 'province') update()
  })
}
