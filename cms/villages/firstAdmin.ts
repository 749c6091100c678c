import { randomBytes } from 'node:crypto'
import type { PayloadRequest } from 'payload'
import { asLocale, DEFAULT_LOCALE, type Locale } from '../lib/messages'
import { idOf } from '../lib/relation'
import { translate } from '../messages'
import { queueEmail } from '../notify/outbox'
import type { User, Village } from '../payload-types'
import { villageAddress } from './siteUrl'

/** Who runs a new village's site first: an email address, a name, the language of their emails. */
export type FirstAdmin = { email: string; name: string; language?: Locale }

/** What became of the first admin: a new account invited, an existing one given the village, or one already in it. */
export type FirstAdminOutcome = { email: string; account: 'invited' | 'joined' | 'already'; role: User['role'] }

/** How long the invitation's link to choose a password stays valid. */
export const INVITATION_DAYS = 7

/** A password nobody knows, never shown nor sent: the account gets its own through the invitation's link. */
const unknownPassword = () => `${randomBytes(32).toString('base64url')}-A1`

/**
 * A new account, administrator of the new village only, with a password nobody knows, and an email inviting its
 * owner to choose one through Payload's reset-password link (on the village's own host, valid INVITATION_DAYS
 * days), in the account's language.
 */
const invite = async (req: PayloadRequest, village: Village, admin: FirstAdmin): Promise<FirstAdminOutcome> => {
  const language = admin.language ?? DEFAULT_LOCALE
  const account = await req.payload.create({
    collection: 'users',
    data: {
      email: admin.email,
      name: admin.name,
      role: 'admin',
      language,
      villages: [{ village: village.id }],
      password: unknownPassword(),
    },
    overrideAccess: true,
    req,
  })
  const token = await req.payload.forgotPassword({
    collection: 'users',
    data: { email: account.email },
    disableEmail: true,
    expiration: INVITATION_DAYS * 24 * 60 * 60 * 1000,
    req,
  })
  const { routes, admin: adminConfig } = req.payload.config
  const address = await villageAddress(req.payload, village, req)
  const link = address.admin(`${routes.admin}${adminConfig.routes.reset}/${token}`)
  const params = { name: account.name, village: village.name, site: address.site('/'), admin: address.admin(routes.admin) }
  await queueEmail(
    req.payload,
    {
      to: account.email,
      subject: translate(language, { code: 'village.invite.subject', params }),
      text: translate(language, { code: 'village.invite.text', params: { ...params, link, days: INVITATION_DAYS } }),
    },
    req,
  )
  return { email: account.email, account: 'invited', role: account.role }
}

/** An existing account (matched by email) gets the new village among its villages, and an email saying so. */
const join = async (req: PayloadRequest, village: Village, account: User): Promise<FirstAdminOutcome> => {
  const villages = (account.villages ?? []).map((row) => idOf(row.village))
  if (villages.includes(village.id)) return { email: account.email, account: 'already', role: account.role }
  await req.payload.update({
    collection: 'users',
    id: account.id,
    data: { villages: [...villages, village.id].map((id) => ({ village: id })) },
    overrideAccess: true,
    req,
  })
  const language = asLocale(account.language)
  const { routes } = req.payload.config
  const address = await villageAddress(req.payload, village, req)
  const params = {
    name: account.name,
    email: account.email,
    village: village.name,
    site: address.site('/'),
    admin: address.admin(routes.admin),
  }
  await queueEmail(
    req.payload,
    {
      to: account.email,
      subject: translate(language, { code: 'village.joined.subject', params }),
      text: translate(language, { code: 'village.joined.text', params }),
    },
    req,
  )
  return { email: account.email, account: 'joined', role: account.role }
}

/**
 * The first administrator of a new village: a new account invited by email, or, when an account has that email
 * already (a regency's staff member running several villages), that account with the village added to its villages.
 */
export const firstAdminOf = async (req: PayloadRequest, village: Village, admin: FirstAdmin): Promise<FirstAdminOutcome> => {
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { email: { equals: admin.email.trim().toLowerCase() } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0] ? join(req, village, docs[0]) : invite(req, village, { ...admin, email: admin.email.trim().toLowerCase() })
}
