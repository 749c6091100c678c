import { readFileSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Order, Product, ServiceRequest } from '../../cms/payload-types'
import { apiClient, PASSWORD, signIn, type ApiClient, type SignedIn } from '../support/api'
import { useProductionServer } from '../support/e2e'
import { COLLECTIONS, GLOBALS, ROLES, type CollectionRule, type Role } from './access-matrix.table'
import { setEnvironmentDefaults } from '../../cms/lib/config'
import { createVillageCa, issueHeadCertificate } from '../../cms/resident-services/certificates'
import { VILLAGE_COLLECTIONS, VILLAGE_DOCUMENTS } from '../../cms/plugins/villages'
import { runScript } from '../support/npmScript'
import { paragraph } from '../support/richText'

/**
 * The authorization matrix: every collection and global of the Payload config × every role × every
 * operation, through the REST API of the production server, against access-matrix.table.ts.
 */
/** A document as the REST API sends it: its id, and the fields this test reads by name. */
type Doc = { id: number; [field: string]: unknown }

const webhookSecret = 'whsec_matrix'
const server = useProductionServer({ env: { STRIPE_WEBHOOK_SECRET: webhookSecret } })
/** Each role's REST session (anonymous: none). */
const clients = {} as Record<Role, ApiClient>
let admin: SignedIn
const userIds = {} as Record<Role, number>
let producerId: number
let checks = 0
let counter = 0

const call = (role: Role, method: string, apiPath: string, body?: object) => clients[role].request(method, `/api${apiPath}`, body)
/** The administrator's reads and writes, which must succeed. */
const list = async (apiPath: string) => (await admin.get<{ docs: Doc[] }>(`/api${apiPath}`)).docs
const create = async (apiPath: string, body: object) => (await admin.post<{ doc: Doc }>(`/api${apiPath}`, body)).doc

/** Same-origin form posts, as a browser without JavaScript sends them to the site's actions. */
const formPost = (pathname: string, body: URLSearchParams | FormData, cookie = '') =>
  fetch(server.url + pathname, { method: 'POST', redirect: 'manual', body, headers: { origin: server.url, cookie } })

// ---------------------------------------------------------------------------------------------
// Fixtures: documents made by the administrator (or by the public site, where nobody may create).

/** A seeded document of the collection, as a template for valid new ones. */
const templates = new Map<string, Doc>()
const UPLOAD_KEYS = [
  'url',
  'thumbnailURL',
  'filename',
  'mimeType',
  'filesize',
  'width',
  'height',
  'focalX',
  'focalY',
  'sizes',
  'duration',
  'cues',
]
const unique = (key: string, value: unknown) =>
  ['slug', 'sku', 'number'].includes(key) && typeof value === 'string' ? `${value}-m${counter}` : value
/** A document (or a part of one) fit to be sent as a new one: no ids, dates or upload fields; unique slugs, SKUs, numbers. */
const copyOf = (doc: object): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(doc)
      .filter(([key]) => !['id', 'createdAt', 'updatedAt', 'uploadedBy', ...UPLOAD_KEYS].includes(key))
      .map(([key, v]) => [key, unique(key, cleaned(v))]),
  )
const cleaned = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(cleaned) : value && typeof value === 'object' ? copyOf(value) : value

const pngFile = async () =>
  new Blob(
    [
      new Uint8Array(
        await sharp({ create: { width: 8, height: 8, channels: 3, background: '#3a7' } })
          .png()
          .toBuffer(),
      ),
    ],
    { type: 'image/png' },
  )
const UPLOADS: Record<string, () => Promise<[Blob, string]>> = {
  media: async () => [await pngFile(), 'matrix.png'],
  'podcast-audio': async () => [
    new Blob([readFileSync(path.resolve('content/podcast/audio/panen-lada-bersama.mp3'))], { type: 'audio/mpeg' }),
    'matrix.mp3',
  ],
  transcripts: async () => [
    new Blob([readFileSync(path.resolve('content/podcast/transcripts/panen-lada-bersama.vtt'))], { type: 'text/vtt' }),
    'matrix.vtt',
  ],
}

type State = 'restricted' | 'published' | 'own'

/** A valid request body for a new document of the collection, in the given state. */
const bodyFor = async (slug: string, state: State, role: Role): Promise<object> => {
  counter += 1
  // Nobody may create these: any body will do to be refused.
  if (COLLECTIONS[slug].create.length === 0) return {}
  if (slug === 'users') return { email: `user${counter}@desa.test`, password: PASSWORD, name: `Pengguna ${counter}`, role: 'editor' }
  if (slug === 'search-synonyms') return { terms: [`kata${counter}`, `sinonim${counter}`] }
  if (slug === 'payload-preferences')
    return { key: `matrix-${counter}`, value: { n: counter }, user: { relationTo: 'users', value: userIds[role] ?? userIds.admin } }
  if (slug === 'payload-locked-documents')
    return {
      document: { relationTo: 'tags', value: (await list('/tags?limit=1&depth=0'))[0].id },
      globalSlug: null,
      user: { relationTo: 'users', value: userIds[role] ?? userIds.admin },
    }
  // Another producer's product, so that only the `own` state belongs to the test's producer.
  const others = slug === 'products' ? `&where[producer][not_equals]=${producerId}` : ''
  const template = templates.get(slug) ?? (await list(`/${slug}?limit=1&depth=0${others}`))[0]
  templates.set(slug, template)
  const data = copyOf(template)
  if ('_status' in data) data._status = state === 'published' ? 'published' : 'draft'
  if (slug === 'products')
    Object.assign(data, { status: state === 'published' ? 'active' : 'draft', ...(state === 'own' ? { producer: producerId } : {}) })
  if (!UPLOADS[slug]) return data
  const [file, name] = await UPLOADS[slug]()
  const form = new FormData()
  form.set('file', file, name)
  form.set('_payload', JSON.stringify(data))
  return form
}

/**
 * What a village has one of (cms/plugins/villages.ts): the demo village has its own, so a second is refused on its
 * content (400), which shows that access let the role through.
 */
const ONE_PER_VILLAGE = new Set(['settings', 'podcast', 'letter-signing'])
/** What belongs to one village: its collections and its one-per-village documents. */
const VILLAGE_SLUGS: string[] = [...VILLAGE_COLLECTIONS, ...VILLAGE_DOCUMENTS]

/** The demo village signs with the install's certificate: its administrator installs one of its own. */
const installCertificate = async () => {
  const head = issueHeadCertificate(createVillageCa('Desa Sungai Lestari'), { commonName: 'Kepala Desa', organization: 'Desa' }, 'sandi')
  await create('/letter-signing', { certificateFile: head.p12.toString('base64'), passphrase: 'sandi' })
}

/** Documents only the server's own code creates, made through the public site and the staff workflow. */
const madeBySite: Record<string, number> = {}
/** More of them, for the roles allowed to delete one each. */
const spares: Record<string, number[]> = {}

const createFixture = async (slug: string, state: State = 'restricted'): Promise<number> => {
  if (madeBySite[slug] !== undefined) return madeBySite[slug]
  // Nobody may create these through the API, nor read them, so no document is needed to be refused.
  if (!COLLECTIONS[slug].create.includes('admin') && !COLLECTIONS[slug].read.includes('admin')) return 1
  return (await create(`/${slug}`, await bodyFor(slug, state, 'admin'))).id
}

/** The role's own document of the collection. */
const ownFixture = async (slug: string, role: Role): Promise<number> => {
  if (slug === 'users') return userIds[role]
  if (slug === 'producers') return producerId
  if (slug === 'products') return (await create('/products', await bodyFor(slug, 'own', role))).id
  const res = await call(role, 'POST', `/${slug}`, await bodyFor(slug, 'own', role))
  if (res.status !== 201) throw new Error(`${role} could not create their own ${slug}: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { doc: Doc }).doc.id
}

/** The administrator (the first account), then one account of every other role, each signed in. */
const registerStaff = async () => {
  clients.anonymous = apiClient(server)
  clients.admin = admin = await signIn(server, 'admin')
  userIds.admin = admin.user.id
  const template = (await list('/producers?limit=1&depth=0'))[0]
  counter += 1
  producerId = (await create('/producers', copyOf(template))).id
  for (const role of ['producer', 'editor', 'officer', 'head'] as const) {
    const client = await signIn(server, { role, name: role, ...(role === 'producer' ? { producer: producerId } : {}) })
    clients[role] = client
    userIds[role] = client.user.id
  }
}

/** A mixed order (the producer's product and another's) with a bank-transfer receipt; a Stripe event. */
const makeShopFixtures = async () => {
  const other = (await admin.get<{ docs: Product[] }>('/api/products?where[status][equals]=active&limit=1&depth=0')).docs[0]
  const own = (await admin.post<{ doc: Product }>('/api/products', { ...copyOf(other), status: 'active', producer: producerId })).doc
  let cookie = ''
  for (const product of [own, other]) {
    const res = await formPost(
      `/produk/${product.slug}?_action=shop.addToCart`,
      new URLSearchParams({ productId: String(product.id), variantId: product.variants[0].id!, quantity: '1' }),
      cookie,
    )
    cookie =
      res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ') || cookie
  }
  const checkout = await formPost(
    '/checkout?_action=shop.checkout',
    new URLSearchParams({
      name: 'Ayu Lestari',
      email: 'ayu@example.com',
      phone: '081234567890',
      delivery: 'courier',
      province: 'Kalimantan Timur',
      city: 'Kutai Kartanegara',
      district: 'Tenggarong',
      postalCode: '75511',
      street: 'Jl. Mawar 3',
      paymentMethod: 'bank-transfer',
    }),
    cookie,
  )
  const location = new URL(checkout.headers.get('location')!, server.url)
  const number = location.pathname.split('/').pop()!
  const orderOf = async () => (await admin.get<{ docs: Order[] }>(`/api/orders?where[number][equals]=${number}&depth=0`)).docs[0]
  // Each receipt the buyer uploads is kept; the order points to the last one.
  spares['payment-proofs'] = []
  for (let i = 0; i <= ROLES.length; i++) {
    const proof = new FormData()
    proof.set('number', number)
    proof.set('token', location.searchParams.get('t')!)
    proof.set('proof', await pngFile(), 'bukti.png')
    expect((await formPost(`${location.pathname}${location.search}&_action=shop.uploadProof`, proof)).status).toBeLessThan(400)
    spares['payment-proofs'].push(relationId((await orderOf()).paymentProof))
  }
  const order = await orderOf()
  expect(order.lines).toHaveLength(2)
  madeBySite.orders = order.id
  madeBySite['payment-proofs'] = spares['payment-proofs'].pop()!

  const event = JSON.stringify({
    id: 'evt_matrix',
    object: 'event',
    type: 'checkout.session.expired',
    data: { object: { object: 'checkout.session', metadata: { orderId: '999999' } } },
  })
  const signature = Stripe.webhooks.generateTestHeaderString({ payload: event, secret: webhookSecret })
  expect(
    (
      await fetch(`${server.url}/api/orders/stripe-webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
        body: event,
      })
    ).status,
  ).toBe(200)
  madeBySite['payment-events'] = (await list('/payment-events?limit=1&depth=0'))[0].id
}

/** A resident's request with an ID card scan, taken to "awaiting signature" (which issues a letter). */
const makeServiceFixtures = async () => {
  const FORM = '/layanan/keterangan-domisili/formulir'
  const answers = {
    service: 'keterangan-domisili',
    nama: 'Siti Aminah',
    nik: '6402014508900003',
    telepon: '081234567890',
    email: 'siti@example.com',
    alamat: 'RT 02',
    tempat_lahir: 'Tenggarong',
    tanggal_lahir: '1990-08-05',
    sejak_tahun: '2015',
    keperluan: 'Kerja',
    pernyataan: 'on',
  }
  const form = new FormData()
  for (const [k, v] of Object.entries(answers)) form.set(k, v)
  form.set(
    'foto_ktp',
    new Blob(
      [
        new Uint8Array(
          await sharp({ create: { width: 64, height: 48, channels: 3, background: '#888' } })
            .jpeg()
            .toBuffer(),
        ),
      ],
      { type: 'image/jpeg' },
    ),
    'ktp.jpg',
  )
  const prepared = await (await formPost(`${FORM}?_action=services.prepare`, form)).text()
  const pending = /name="pending" value="([^"]+)"/.exec(prepared)![1]
  const submitted = await formPost(`${FORM}?_action=services.submit`, new URLSearchParams({ ...answers, pending }))
  const reference = new URL(submitted.headers.get('location')!, server.url).searchParams.get('ref')!
  const request = (await list(`/service-requests?where[reference][equals]=${reference}&depth=0`))[0]
  for (const nextStatus of ['checking', 'processing', 'awaitingSignature']) {
    const res = await call('officer', 'PATCH', `/service-requests/${request.id}`, { nextStatus, transitionNote: 'Lanjut' })
    expect(res.status).toBe(200)
  }
  madeBySite['service-requests'] = request.id
  madeBySite.letters = relationId((await admin.get<ServiceRequest>(`/api/service-requests/${request.id}?depth=0`)).letter)
  madeBySite['audit-log'] = (await list('/audit-log?limit=1&depth=0'))[0].id
}

// ---------------------------------------------------------------------------------------------
// Checks

type Outcome = 'allowed' | 'denied'
/** Refused by access control (403), not found for this role (404), or no such endpoint at all (501, Payload's answer). */
const DENIED = [403, 404, 501]
const outcomeOf = async (res: Response, success: number): Promise<Outcome> => {
  if (res.status === success) return 'allowed'
  if (DENIED.includes(res.status)) return 'denied'
  throw new Error(`${res.url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`)
}

/** The id of a related document: the id itself at depth 0, the document deeper (null: no relation). */
const idOf = (ref: number | { id: number } | null | undefined) => (ref && typeof ref === 'object' ? ref.id : (ref ?? null))
/** The id of a relation the fixture must have. */
const relationId = (ref: number | { id: number } | null | undefined): number => {
  const id = idOf(ref)
  if (id === null) throw new Error('The fixture is missing a related document.')
  return id
}

/** How to tell that a role sees a restricted part of a document it was given (default: the value at the path). */
const PROBES: Record<string, (doc: Doc | null, role: Role) => Promise<boolean> | boolean> = {
  'lines of other producers': (doc) => ((doc as Order | null)?.lines ?? []).some((line) => idOf(line.producer) !== producerId),
  'the ID card scan': async (_doc, role) =>
    (await call(role, 'GET', `/service-requests/${madeBySite['service-requests']}/attachments/0`)).status === 200,
  'the uploaded file': async (_doc, role) => {
    const proof = await admin.get<{ url: string }>(`/api/payment-proofs/${madeBySite['payment-proofs']}`)
    return (await clients[role].request('GET', proof.url)).status === 200
  },
}
const valueAt = (doc: Doc, dotted: string) =>
  dotted.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), doc)
const present = (value: unknown) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)

const expected = (allowed: readonly Role[], role: Role): Outcome => (allowed.includes(role) ? 'allowed' : 'denied')

/** Runs one check; returns a line describing a mismatch, or null. */
const check = async (what: string, role: Role, want: Outcome, run: () => Promise<Outcome>) => {
  checks += 1
  const got = await run()
  return got === want ? null : `${what} as ${role}: expected ${want}, got ${got}`
}

/** Whether the role reached the document: addressed with a query, so access rules that narrow what a role sees apply too. */
const reached = async (res: Response): Promise<Outcome> => {
  if (DENIED.includes(res.status)) return 'denied'
  if (res.status !== 200) throw new Error(`${res.url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`)
  return ((await res.json()) as { docs: Doc[] }).docs.length === 1 ? 'allowed' : 'denied'
}
const only = (id: number) => `where[id][equals]=${id}&depth=0`
const readById = (slug: string, id: number) => (role: Role) => async () => reached(await call(role, 'GET', `/${slug}?${only(id)}`))
const update = (slug: string, id: number) => (role: Role) => async () => reached(await call(role, 'PATCH', `/${slug}?${only(id)}`, {}))
const remove = (slug: string, id: number) => (role: Role) => async () => reached(await call(role, 'DELETE', `/${slug}?${only(id)}`))

const walkCollection = async (slug: string, rule: CollectionRule): Promise<string[]> => {
  const problems: (string | null)[] = []
  const fixture = await createFixture(slug)
  for (const role of ROLES) {
    problems.push(await check(`read ${slug}`, role, expected(rule.read, role), readById(slug, fixture)(role)))
    problems.push(
      await check(`create ${slug}`, role, expected(rule.create, role), async () =>
        outcomeOf(await call(role, 'POST', `/${slug}`, await bodyFor(slug, 'restricted', role)), ONE_PER_VILLAGE.has(slug) ? 400 : 201),
      ),
    )
    problems.push(await check(`update ${slug}`, role, expected(rule.update, role), update(slug, fixture)(role)))
    for (const [field, allowed] of Object.entries(rule.fields ?? {})) {
      problems.push(
        await check(`see ${slug} ${field}`, role, expected(allowed, role), async () => {
          const res = await call(role, 'GET', `/${slug}/${fixture}?depth=0`)
          const doc = res.ok ? ((await res.json()) as Doc) : null
          const seen = PROBES[field] ? await PROBES[field](doc, role) : doc !== null && present(valueAt(doc, field))
          return seen ? 'allowed' : 'denied'
        }),
      )
    }
  }
  if (rule.published) {
    const published = await createFixture(slug, 'published')
    for (const role of ROLES)
      problems.push(await check(`read published ${slug}`, role, expected(rule.published, role), readById(slug, published)(role)))
  }
  if (rule.own) {
    for (const role of rule.own.owners) {
      const own = await ownFixture(slug, role)
      problems.push(await check(`read own ${slug}`, role, expected(rule.own.read, role), readById(slug, own)(role)))
      problems.push(await check(`update own ${slug}`, role, expected(rule.own.update, role), update(slug, own)(role)))
      problems.push(await check(`delete own ${slug}`, role, expected(rule.own.delete, role), remove(slug, own)(role)))
    }
  }
  // Deleting last, on a fresh document for each role where the administrator can make one.
  for (const role of ROLES) {
    const target = spares[slug]?.pop() ?? madeBySite[slug] ?? (rule.create.includes('admin') ? await createFixture(slug) : fixture)
    problems.push(await check(`delete ${slug}`, role, expected(rule.delete, role), remove(slug, target)(role)))
  }
  return problems.filter((p): p is string => p !== null)
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  await registerStaff()
  // The install's village, made at its start: nobody creates one through the API.
  madeBySite.villages = (await list('/villages?limit=1&depth=0'))[0].id
  await installCertificate()
  for (const slug of ONE_PER_VILLAGE) madeBySite[slug] = (await list(`/${slug}?limit=1&depth=0`))[0].id
  await makeShopFixtures()
  await makeServiceFixtures()
})

afterAll(() => {
  console.log(`Authorization matrix: ${checks} checks`)
})

/**
 * The village dimension: the staff of another village of the install, each role, on every document of this village
 * (its fixtures, before the matrix walks and deletes them) may read, change, delete and create into nothing.
 */
describe('staff of another village', () => {
  const OTHER_VILLAGE_ROLES = ['admin', 'editor', 'officer', 'head'] as const
  const others = {} as Record<(typeof OTHER_VILLAGE_ROLES)[number], ApiClient>
  let regency: SignedIn
  let otherVillage: number

  beforeAll(async () => {
    // A regency administrator, made on the server as an install's first one is, adds the village and its staff.
    await admin.post('/api/users', { email: 'kabupaten@desa.test', password: PASSWORD, name: 'Kabupaten', role: 'admin' })
    await server.stop()
    const promoted = await runScript(server, 'regency-admin', ['--email', 'kabupaten@desa.test'])
    expect(promoted.code, promoted.stderr).toBe(0)
    await server.start()
    regency = await signIn(server, { email: 'kabupaten@desa.test', password: PASSWORD })
    // With two villages, the host decides: this village keeps the one the matrix is asked on.
    const hosts = { domains: [{ host: new URL(server.url).hostname }] }
    expect((await regency.request('PATCH', `/api/villages/${madeBySite.villages}`, hosts)).status).toBe(200)
    const village = (await regency.post<{ doc: Doc }>('/api/villages', { name: 'Desa Lain', slug: 'desa-lain', status: 'active' })).doc
    otherVillage = village.id
    for (const role of OTHER_VILLAGE_ROLES) {
      const email = `${role}@desa-lain.test`
      await regency.post('/api/users', { email, password: PASSWORD, name: `${role} Desa Lain`, role, villages: [{ village: village.id }] })
      others[role] = await signIn(server, { email, password: PASSWORD })
    }
  })

  it.each(VILLAGE_SLUGS)("%s: reach none of this village's documents, and put none into it", async (slug) => {
    const fixture = madeBySite[slug] ?? (await createFixture(slug))
    const problems: string[] = []
    for (const role of OTHER_VILLAGE_ROLES) {
      const client = others[role]
      for (const [method, body] of [['GET'], ['PATCH', {}], ['DELETE']] as const) {
        const res = await client.request(method, `/api/${slug}/${fixture}?depth=0`, body)
        checks += 1
        if (!DENIED.includes(res.status)) problems.push(`${role} ${method} ${slug}/${fixture}: ${res.status}`)
      }
      if (COLLECTIONS[slug].create.includes('admin')) {
        const res = await client.request('POST', `/api/${slug}`, await bodyFor(slug, 'restricted', 'admin'))
        checks += 1
        if (res.status === 201) problems.push(`${role} created a ${slug} document in this village`)
      }
    }
    expect(problems).toEqual([])
    expect((await admin.request('GET', `/api/${slug}/${fixture}?depth=0`)).status, `${slug} still there`).toBe(200)
  })

  it("keep a resident's documents from the other village's staff: the ID card scan is refused to them", async () => {
    const scan = `/api/service-requests/${madeBySite['service-requests']}/attachments/0`
    for (const role of OTHER_VILLAGE_ROLES) expect(DENIED, role).toContain((await others[role].request('GET', scan)).status)
    expect((await clients.officer.request('GET', scan)).status).toBe(200)
  })

  it('let a person be an officer of this village and an editor of the other: each village answers for its own role', async () => {
    const email = 'dua-desa@desa.test'
    const villages = [{ village: madeBySite.villages, role: 'officer' }, { village: otherVillage }]
    await regency.post('/api/users', { email, password: PASSWORD, name: 'Petugas Dua Desa', role: 'editor', villages })
    const person = await signIn(server, { email, password: PASSWORD })
    // An article of its own for each village (the template's categories and pictures are this village's).
    const article = (village: number) => {
      counter += 1
      return { title: `Kabar ${counter}`, slug: `kabar-${counter}`, body: paragraph('Kabar desa.'), _status: 'published', village }
    }
    const service = async (village: number) => ({ ...(await bodyFor('services', 'restricted', 'admin')), village })
    const theirNews = (await regency.post<{ doc: Doc }>('/api/news', article(otherVillage))).doc.id
    const ourNews = (await create('/news', article(madeBySite.villages))).id

    expect((await person.request('PATCH', `/api/news/${theirNews}`, { title: 'Diubah tim media' })).status).toBe(200)
    expect(DENIED).toContain((await person.request('PATCH', `/api/news/${ourNews}`, { title: 'Diubah petugas' })).status)
    const requests = await person.get<{ docs: Doc[] }>(`/api/service-requests?${only(madeBySite['service-requests'])}`)
    expect(requests.docs.map((d) => d.id)).toEqual([madeBySite['service-requests']])
    expect((await person.request('GET', `/api/service-requests/${madeBySite['service-requests']}/attachments/0`)).status).toBe(200)

    expect((await person.request('POST', '/api/news', article(otherVillage))).status).toBe(201)
    expect((await person.request('POST', '/api/news', article(madeBySite.villages))).status).toBe(403)
    expect((await person.request('POST', '/api/services', await service(madeBySite.villages))).status).toBe(201)
    expect((await person.request('POST', '/api/services', await service(otherVillage))).status).toBe(403)
    expect((await admin.get<Doc>(`/api/news/${ourNews}?depth=0`)).title).not.toBe('Diubah petugas')
  })
})

describe('the authorization matrix', () => {
  it('has a row for every collection and global of the Payload config, and none for anything else', async () => {
    setEnvironmentDefaults({ PAYLOAD_SECRET: 'matrix-config-only' })
    const config = await (await import('../../cms/payload.config')).default
    expect(config.collections.map((c) => c.slug).sort()).toEqual(Object.keys(COLLECTIONS).sort())
    expect(config.globals.map((g) => g.slug).sort()).toEqual(Object.keys(GLOBALS).sort())
  })

  // Dependents before what they point to: the admin's deletions go last.
  it.each(Object.keys(COLLECTIONS))('%s: every role may do exactly what the table allows', async (slug) => {
    expect(await walkCollection(slug, COLLECTIONS[slug])).toEqual([])
  })

  it.each(Object.keys(GLOBALS))('global %s: every role may do exactly what the table allows', async (slug) => {
    const rule = GLOBALS[slug]
    const problems: (string | null)[] = []
    for (const role of ROLES) {
      problems.push(
        await check(`read global ${slug}`, role, expected(rule.read, role), async () =>
          outcomeOf(await call(role, 'GET', `/globals/${slug}?depth=0`), 200),
        ),
      )
      problems.push(
        await check(`update global ${slug}`, role, expected(rule.update, role), async () =>
          outcomeOf(await call(role, 'POST', `/globals/${slug}`, {}), 200),
        ),
      )
    }
    expect(problems.filter(Boolean)).toEqual([])
  })
})
