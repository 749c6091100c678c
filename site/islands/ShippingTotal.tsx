import { useEffect, useRef, useState } from 'react'
import { formatRupiah } from '../../cms/shop/money'
import { shippingFee, zoneFor, type ShippingZone } from '../../cms/shop/shipping'
import { say, type Phrasebook } from './phrasebook'

export const SHIPPING_TEXTS = [
  'cart.subtotal',
  'checkout.shipping',
  'checkout.total',
  'checkout.shippingFree',
  'checkout.shippingChoose',
  'checkout.noZone',
] as const

export type Delivery = { delivery: string; province: string }

/** The shipping fee for a choice, with the zones and formula the server charges (null: no zone serves the province yet). */
export const feeFor = (zones: ShippingZone[], weight: number, { delivery, province }: Delivery) => {
  if (delivery === 'pickup') return 0
  const zone = delivery === 'courier' && province ? zoneFor(zones, province) : null
  return zone ? shippingFee(zone, weight) : null
}

type Props = { zones: ShippingZone[]; weight: number; subtotal: number; initial: Delivery; texts: Phrasebook }

const chosen = (form: HTMLFormElement): Delivery => ({
  delivery: (form.elements.namedItem('delivery') as RadioNodeList | null)?.value ?? '',
  province: (form.elements.namedItem('province') as HTMLSelectElement | null)?.value ?? '',
})

/**
 * The checkout's subtotal, shipping fee and total. Without JavaScript the form's "Hitung ongkir" button asks
 * the server for them; hydrated, they follow the delivery and province chosen in the surrounding form at once.
 */
export default function ShippingTotal({ zones, weight, subtotal, initial, texts }: Props) {
  const list = useRef<HTMLDListElement>(null)
  const [choice, setChoice] = useState(initial)
  useEffect(() => {
    const form = list.current?.closest('form')
    if (!form) return
    // Removed, not hidden: as the form's first submit button it would take Enter from every field (implicit submission).
    form.querySelector('[data-quote]')?.remove()
    setChoice(chosen(form))
    const follow = (event: Event) => {
      const name = (event.target as HTMLInputElement).name
      if (name === 'delivery' || name === 'province') setChoice(chosen(form))
    }
    form.addEventListener('change', follow)
    return () => form.removeEventListener('change', follow)
  }, [])
  const fee = feeFor(zones, weight, choice)
  const feeText =
    choice.delivery === 'pickup'
      ? say(texts, 'checkout.shippingFree')
      : fee !== null
        ? formatRupiah(fee)
        : say(texts, choice.province ? 'checkout.noZone' : 'checkout.shippingChoose')
  return (
    <dl className="totals" aria-live="polite" ref={list}>
      <dt>{say(texts, 'cart.subtotal')}</dt>
      <dd>{formatRupiah(subtotal)}</dd>
      <dt>{say(texts, 'checkout.shipping')}</dt>
      <dd data-fee="">{feeText}</dd>
      <dt>{say(texts, 'checkout.total')}</dt>
      <dd>
        <strong data-total="">{formatRupiah(subtotal + (fee ?? 0))}</strong>
      </dd>
    </dl>
  )
}
