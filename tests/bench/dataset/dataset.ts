import type { Payload, Where } from 'payload'
import { REFERENCE_ALPHABET, REFERENCE_LENGTH } from '../../../cms/resident-services/reference'
import { STATUSES } from '../../../cms/resident-services/status'
import {
  address,
  articleMarkdown,
  headline,
  nik,
  packageSize,
  paragraph,
  personName,
  phone,
  productName,
  prng,
  sentence,
  type Random,
} from './text'

export const SIZES = { products: 1000, articles: 500, episodes: 100, services: 50, serviceRequests: 2000 }

/** The number every generated title ends with, so the bench can find a generated document by title. */
export const titleMark = (i: number) => `(${i + 1})`
export type Loader = { payload: Payload; random: Random; markdown: (text: string) => unknown; log: (m: string) => void }

// Server-side writes as the seed does them: no user, no access checks, no audit entry per document.
const internal = { overrideAccess: true, context: { skipAudit: true }, depth: 0 } as const
// SQLite takes one writer at a time; a few writes in flight keep it busy without piling up locks.
const IN_FLIGHT = 8

const inBatches = async (label: string, total: number, log: (m: string) => void, create: (i: number) => Promise<unknown>) => {
  for (let i = 0; i < total; i += IN_FLIGHT) {
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, total - i) }, (_, j) => create(i + j)))
    if ((i + IN_FLIGHT) % 200 < IN_FLIGHT) log(`${label}: ${Math.min(i + IN_FLIGHT, total)}/${total}`)
  }
}

const ids = async (payload: Payload, collection: string, where: Where = {}) =>
  (await payload.find({ collection: collection as never, where, limit: 1000, depth: 0, pagination: false, overrideAccess: true })).docs.map(
    (d) => (d as { id: number }).id,
  )

const count = async (payload: Payload, collection: string) =>
  (await payload.count({ collection: collection as never, overrideAccess: true })).totalDocs

/** A date within the past two years, spread evenly by position. */
const daysAgo = (i: number, total: number) => new Date(Date.UTC(2026, 3, 1) - Math.floor((i / total) * 730) * 86_400_000).toISOString()

const products = async ({ payload, random, markdown, log }: Loader) => {
  const [producers, categories, images] = await Promise.all([
    ids(payload, 'producers'),
    ids(payload, 'product-categories'),
    ids(payload, 'media', { filename: { like: 'produk-' } }),
  ])
  const missing = SIZES.products - (await count(payload, 'products'))
  await inBatches('products', missing, log, (i) => {
    const title = `${productName(random)} ${titleMark(i)}`
    const base = random.int(8, 300) * 1_000
    const sizes = random.int(1, 3)
    return payload.create({
      collection: 'products',
      data: {
        title,
        // The first one is the bench's product page and cart line: always on sale.
        status: random.next() < 0.95 || i === 0 ? 'active' : 'draft',
        featured: i % 50 === 0,
        producer: random.pick(producers),
        category: random.pick(categories),
        summary: sentence(random),
        description: markdown(`${paragraph(random)}\n\n${paragraph(random)}`),
        gallery: [random.pick(images), random.pick(images)],
        trackStock: true,
        variants: Array.from({ length: sizes }, (_, v) => ({
          label: packageSize(random),
          sku: `GEN-${i}-${v}`,
          price: base + v * 15_000,
          stock: random.next() < 0.1 && i > 0 ? 0 : random.int(5, 500),
          weight: random.int(1, 20) * 50,
        })),
      } as never,
      ...internal,
    })
  })
}

const articles = async ({ payload, random, markdown, log }: Loader) => {
  const [categories, tags, covers] = await Promise.all([
    ids(payload, 'categories'),
    ids(payload, 'tags'),
    ids(payload, 'media', { mimeType: { equals: 'image/jpeg' } }),
  ])
  const total = SIZES.articles
  const missing = total - (await count(payload, 'news'))
  await inBatches('articles', missing, log, (i) =>
    payload.create({
      collection: 'news',
      data: {
        title: `${headline(random)} ${titleMark(i)}`,
        excerpt: sentence(random),
        cover: random.pick(covers),
        body: markdown(articleMarkdown(random)),
        categories: [random.pick(categories)],
        tags: [...new Set([random.pick(tags), random.pick(tags), random.pick(tags)])],
        author: personName(random),
        publishedAt: daysAgo(i, total),
        _status: 'published',
      } as never,
      ...internal,
    }),
  )
}

const episodes = async ({ payload, random, markdown, log }: Loader) => {
  const [audio, artwork] = await Promise.all([ids(payload, 'podcast-audio'), ids(payload, 'media', { mimeType: { equals: 'image/jpeg' } })])
  const total = SIZES.episodes
  const missing = total - (await count(payload, 'episodes'))
  await inBatches('episodes', missing, log, (i) =>
    payload.create({
      collection: 'episodes',
      data: {
        title: `Obrolan desa: ${headline(random).toLowerCase()} ${titleMark(i)}`,
        season: 3,
        episodeNumber: i + 1,
        episodeType: 'full',
        audio: random.pick(audio),
        artwork: random.pick(artwork),
        summary: sentence(random),
        notes: markdown(`${paragraph(random)}\n\n${paragraph(random)}`),
        guests: [{ name: personName(random), role: 'Narasumber' }],
        chapters: [
          { start: '0:00', title: 'Pembuka' },
          { start: '0:20', title: 'Perbincangan' },
        ],
        publishedAt: daysAgo(i, total),
        _status: 'published',
      } as never,
      ...internal,
    }),
  )
}

/** Copies of a seeded service (its form and letter template) under new names. */
const services = async ({ payload, random, log }: Loader) => {
  const template = (
    await payload.find({
      collection: 'services',
      where: { slug: { equals: 'keterangan-domisili' } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
  ).docs[0]
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = template
  const withoutRowIds = JSON.parse(JSON.stringify(fields, (key, value) => (key === 'id' ? undefined : value)))
  const missing = SIZES.services - (await count(payload, 'services'))
  await inBatches('services', missing, log, (i) => {
    const name = `Surat Keterangan ${headline(random).split(' ').slice(-2).join(' ')} ${titleMark(i)}`
    return payload.create({
      collection: 'services',
      data: { ...withoutRowIds, name, slug: undefined, code: `470.${i + 10}`, order: 100 + i, summary: sentence(random) } as never,
      ...internal,
    })
  })
}

const reference = (random: Random) => Array.from({ length: REFERENCE_LENGTH }, () => random.pick([...REFERENCE_ALPHABET])).join('')

/** Requests in every status, each with the timeline that led there, as residents' submissions would leave them. */
const serviceRequests = async ({ payload, random, log }: Loader) => {
  const serviceIds = await ids(payload, 'services')
  const total = SIZES.serviceRequests
  const missing = total - (await count(payload, 'service-requests'))
  await inBatches('service requests', missing, log, (i) => {
    const status = random.pick(STATUSES)
    const submittedAt = daysAgo(i, total)
    const mobile = phone(random)
    const steps = status === 'submitted' ? ['submitted'] : ['submitted', 'checking', ...(status === 'checking' ? [] : [status])]
    return payload.create({
      collection: 'service-requests',
      data: {
        reference: reference(random),
        service: random.pick(serviceIds),
        status,
        applicantName: personName(random),
        nik: nik(random),
        phone: mobile,
        phoneLast4: mobile.slice(-4),
        address: address(random),
        answers: { keperluan: sentence(random) },
        submittedAt,
        dueDate: submittedAt.slice(0, 10),
        completedAt: ['done', 'rejected', 'cancelled'].includes(status) ? submittedAt : null,
        timeline: steps.map((s) => ({ status: s, at: submittedAt, byName: s === 'submitted' ? 'Pemohon' : 'Petugas', note: null })),
      } as never,
      ...internal,
    })
  })
}

/** Loads the generated dataset on top of the demo seed; running it again only tops up what is missing. */
export const loadDataset = async (payload: Payload, markdown: Loader['markdown'], log: Loader['log']) => {
  const loader: Loader = { payload, random: prng(20260401), markdown, log }
  for (const step of [products, articles, episodes, services, serviceRequests]) {
    const started = Date.now()
    await step(loader)
    log(`${step.name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
}
