import { createHmac, timingSafeEqual } from 'node:crypto'
import { payloadSecret } from '../../cms/lib/secret'
import type { Service } from '../../cms/payload-types'
import type { Locale } from '../i18n/locales'
import { cachedRead } from '../../cms/page-cache/cachedRead'
import { asAnonymous, byKey, payload } from './payload'
import type { TrackedRequest } from '../../cms/resident-services/requests'
import { isFinal } from '../../cms/resident-services/status'
import type { TrackedView } from '../islands/TrackedRequest'
import { inRequestVillage } from '../../cms/villages/scope'

type ServiceSummary = Pick<Service, 'id' | 'slug' | 'name' | 'summary' | 'processingDays' | 'fee'>

/** The services open for online requests, in the catalog's order. */
export const listServices = (locale: Locale): Promise<ServiceSummary[]> =>
  cachedRead(`services:${locale}`, async () => {
    const { docs } = await (
      await payload()
    ).find({
      collection: 'services',
      locale,
      where: { active: { equals: true } },
      sort: 'order',
      limit: 100,
      depth: 0,
      select: { slug: true, name: true, summary: true, processingDays: true, fee: true },
      ...asAnonymous,
    })
    return docs
  })

export const getService = (slug: string, locale: Locale): Promise<Service | null> =>
  cachedRead(`service:${locale}:${slug}`, async () => {
    const { docs } = await (
      await payload()
    ).find({
      collection: 'services',
      locale,
      where: { and: [{ slug: { equals: slug } }, { active: { equals: true } }] },
      limit: 1,
      depth: 0,
      ...asAnonymous,
      ...byKey,
    })
    return docs[0] ?? null
  })

/**
 * The confirmation page is for the browser that sent the request: its address carries a token only the
 * server can make (the redirect after "Kirim" gives it), so trying references on it tells nobody which exist.
 */
const confirmationToken = (reference: string) =>
  createHmac('sha256', payloadSecret()).update(`confirmation:${reference}`).digest('base64url').slice(0, 22)
export const confirmationPath = (slug: string, reference: string) =>
  `/layanan/${slug}/terkirim?ref=${reference}&t=${confirmationToken(reference)}`
const isConfirmationToken = (reference: string, token: string) => {
  const expected = Buffer.from(confirmationToken(reference))
  const given = Buffer.from(token)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/**
 * The confirmation page's facts about a just-submitted request: service and due date, nothing personal.
 * Read by the server on the resident's behalf (requests are closed to the public); null without the token.
 */
export const getConfirmation = async (reference: string, token: string, locale: Locale) => {
  if (!isConfirmationToken(reference, token)) return null
  const p = await payload()
  const { docs } = await p.find({
    collection: 'service-requests',
    where: await inRequestVillage(p, { reference: { equals: reference } }),
    limit: 1,
    depth: 1,
    locale,
    overrideAccess: true,
    context: { skipAudit: true },
    select: { reference: true, dueDate: true, service: true, email: true, submittedAt: true },
  })
  const request = docs[0]
  if (!request || typeof request.service !== 'object') return null
  return {
    reference: request.reference,
    dueDate: request.dueDate ?? null,
    serviceName: request.service.name,
    processingDays: request.service.processingDays,
    emailSent: Boolean(request.email),
    submittedAt: request.submittedAt ?? null,
  }
}

/** What the tracking page's island shows of a tracked request: all but its database id, and whether it is finished. */
export const trackedView = ({ id: _id, ...shown }: TrackedRequest): TrackedView => ({ ...shown, final: isFinal(shown.status) })
