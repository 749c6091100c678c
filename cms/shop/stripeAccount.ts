import type { Field, Payload, PayloadRequest } from 'payload'
import { L } from '../lib/localize'
import { localize } from '../messages'
import type { VillageId } from '../villages/current'
import { settingsOf } from '../villages/settings'

/** A Stripe connected account's id, as Stripe writes it: `acct_` and letters and digits. */
const ACCOUNT_ID = /^acct_[A-Za-z0-9]+$/

export const isStripeAccountId = (value: string) => ACCOUNT_ID.test(value)

const validateAccountId = (value: unknown, { req }: { req: PayloadRequest }) =>
  value == null || value === '' || (typeof value === 'string' && isStripeAccountId(value))
    ? true
    : localize(req, { code: 'stripe.accountId' })

/** The village's connected Stripe account (Stripe Connect, direct charges: its BUMDes is the merchant of record). */
export const stripeAccountField: Field = {
  name: 'stripe',
  type: 'group',
  label: L('Stripe (kartu)', 'Stripe (cards)'),
  admin: {
    description: L(
      'Aktif bila server punya STRIPE_SECRET_KEY. Mode kabupaten: pembayaran kartu desa ini dibuat di akun Stripe terhubung (Stripe Connect) milik BUMDes-nya, yang menerima uangnya; pengembalian dana juga dari akun itu. Kosong: akun pemilik kunci.',
      "On when the server has STRIPE_SECRET_KEY. Regency mode: this village's card payments are made on its BUMDes's connected Stripe account (Stripe Connect), which receives the money; refunds come from that account too. Empty: the key owner's account.",
    ),
  },
  fields: [
    {
      name: 'accountId',
      type: 'text',
      label: L('ID akun Stripe terhubung desa', "The village's connected Stripe account id"),
      admin: { placeholder: 'acct_…' },
      hooks: { beforeValidate: [({ value }) => (typeof value === 'string' ? value.trim() || null : value)] },
      validate: validateAccountId,
    },
  ],
}

/** The connected account the village takes cards on, or null for the platform's own account. */
export const stripeAccountOf = async (payload: Payload, village: VillageId, req?: PayloadRequest): Promise<string | null> =>
  (await settingsOf(payload, village, { depth: 0, req })).stripe?.accountId || null
