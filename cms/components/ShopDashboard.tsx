import type { I18nClient } from '@payloadcms/translations'
import type { Payload, TypedUser, Where } from 'payload'
import type { Order } from '../payload-types'
import { formatWitaDateTime } from '../lib/wita'
import { formatRupiah } from '../shop/money'
import { asLocale } from '../lib/messages'
import { translate } from '../messages'

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
  const locale = asLocale(i18n.language)
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
      <h3>{title}</h3>
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
      <h2>{translate(locale, { code: 'dashboard.title' })}</h2>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '1.5rem' }}>
        {section(
          translate(locale, { code: 'dashboard.attention', params: { count: attention.docs.length } }),
          attention.docs,
          (o) => (o.attention ? ` · ${translate(locale, { code: `attention.${o.attention}` })}` : ''),
          translate(locale, { code: 'dashboard.attentionEmpty' }),
        )}
        {section(
          translate(locale, { code: 'dashboard.toHandle', params: { count: toHandle.docs.length } }),
          toHandle.docs,
          (o) => sum(o),
          translate(locale, { code: 'dashboard.toHandleEmpty' }),
        )}
        {section(
          translate(locale, { code: 'dashboard.awaiting', params: { count: awaiting.docs.length } }),
          awaiting.docs,
          (o) =>
            `${sum(o)}${o.reservation?.expiresAt && o.fulfilmentStatus === 'unfulfilled' ? ` · ${formatWitaDateTime(o.reservation.expiresAt, locale)}` : ''}`,
          translate(locale, { code: 'dashboard.awaitingEmpty' }),
        )}
      </div>
    </div>
  )
}
