import type { I18nClient } from '@payloadcms/translations'
import type { Payload, TypedUser, Where } from 'payload'
import type { Order } from '../payload-types'
import { formatWitaDateTime } from '../lib/wita'
import { formatRupiah } from '../shop/money'
import { ATTENTION } from '../shop/statuses'

type Props = { payload: Payload; user?: TypedUser | null; i18n: I18nClient }

const open: Where = {
  and: [{ fulfilmentStatus: { in: ['unfulfilled', 'packed', 'shipped'] } }, { paymentStatus: { in: ['pending', 'paid'] } }],
}

/**
 * The shop's open orders on the admin dashboard, as the signed-in user may see them (a producer: orders
 * with their products): those needing a person first, then the ones to pack or ship, then the holds
 * waiting for payment with the time each is released.
 */
export const ShopDashboard = async ({ payload, user, i18n }: Props) => {
  if (!user || !['admin', 'editor', 'producer'].includes(String((user as { role?: string }).role))) return null
  const en = i18n.language === 'en'
  const locale = en ? 'en' : 'id'
  const find = (where: Where, sort: string) =>
    payload.find({ collection: 'orders', where, sort, limit: 20, depth: 0, user, overrideAccess: false }).then((r) => r)
  const [attention, toHandle, awaiting] = await Promise.all([
    find({ attention: { exists: true } }, '-updatedAt'),
    find({ and: [open, { paymentStatus: { equals: 'paid' } }, { attention: { exists: false } }] }, 'createdAt'),
    find(
      { and: [open, { paymentStatus: { equals: 'pending' } }, { 'reservation.state': { equals: 'reserved' } }] },
      'reservation.expiresAt',
    ),
  ])
  const link = (order: Order) => <a href={`/admin/collections/orders/${order.id}`}>{order.number}</a>
  const sum = (order: Order) => (typeof order.total === 'number' ? ` · ${formatRupiah(order.total)}` : '')
  const section = (title: string, docs: Order[], detail: (o: Order) => string, empty: string) => (
    <section style={{ flex: '1 1 18rem' }}>
      <h3>
        {title} ({docs.length})
      </h3>
      {docs.length ? (
        <ul style={{ paddingLeft: '1.1rem' }}>
          {docs.map((o) => (
            <li key={o.id}>
              {link(o)}
              {detail(o)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{empty}</p>
      )}
    </section>
  )
  return (
    <div className="shop-dashboard" style={{ marginBottom: '2rem' }}>
      <h2>{en ? 'Shop: open orders' : 'Toko: pesanan terbuka'}</h2>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '1.5rem' }}>
        {section(
          en ? 'Needs attention' : 'Perlu perhatian',
          attention.docs,
          (o) => (o.attention ? ` · ${ATTENTION[o.attention][locale]}` : ''),
          en ? 'Nothing to look at.' : 'Tidak ada.',
        )}
        {section(
          en ? 'Paid, to pack or ship' : 'Lunas, perlu dikemas atau dikirim',
          toHandle.docs,
          (o) => sum(o),
          en ? 'No paid orders waiting.' : 'Tidak ada pesanan lunas yang menunggu.',
        )}
        {section(
          en ? 'Awaiting payment (stock held until)' : 'Menunggu pembayaran (stok ditahan sampai)',
          awaiting.docs,
          (o) =>
            `${sum(o)}${o.reservation?.expiresAt && o.fulfilmentStatus === 'unfulfilled' ? ` · ${formatWitaDateTime(o.reservation.expiresAt, locale)}` : ''}`,
          en ? 'No stock is held.' : 'Tidak ada stok yang ditahan.',
        )}
      </div>
    </div>
  )
}
