import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { setEnvironment } from '../../cms/lib/config'
import type { Locale } from '../../cms/lib/messages'
import type { ServiceRequest, User } from '../../cms/payload-types'
import { placeOrder } from '../../cms/shop/orders'
import { startFakeWhatsapp } from '../support/fakeWhatsapp'
import { createUser, deliverWhatsapp, startPayload } from '../support/payload'
import { domicileRequest, seedServiceCatalog, setServiceKeys } from '../support/services'
import { checkoutFor, createProduct } from '../support/shop'
import { saveSettings } from '../support/villageDocuments'

const ACCOUNT = { token: 'EAAGtokenDesa', phoneNumberId: '106540352242922' }
const fake = await startFakeWhatsapp(ACCOUNT)
const whatsappOn = { WHATSAPP_TOKEN: ACCOUNT.token, WHATSAPP_PHONE_NUMBER_ID: ACCOUNT.phoneNumberId, WHATSAPP_API_URL: fake.url }

let payload: Payload
let officer: User
beforeAll(async () => {
  setEnvironment({ ...whatsappOn, WHATSAPP_API_VERSION: 'v23.0' })
  setServiceKeys()
  payload = await startPayload()
  await seedServiceCatalog(payload)
  // What an administrator types in "Pengaturan desa → WhatsApp": the templates Meta approved, per notice.
  await saveSettings(payload, {
    whatsappTemplates: [
      { event: 'received', name: 'desa_permohonan_diterima', language: 'id', languageEn: 'en_US' },
      ...(['checking', 'returned', 'processing', 'awaitingSignature', 'rejected'] as const).map((event) => ({
        event,
        name: 'desa_status_permohonan',
        language: 'id',
        languageEn: 'en_US',
      })),
      { event: 'done', name: 'desa_surat_selesai', language: 'id', languageEn: 'en_US' },
      { event: 'newOrder', name: 'desa_pesanan_baru', language: 'id' },
      { event: 'producerOrder', name: 'desa_pesanan_produsen', language: 'id' },
    ],
  })
  officer = await createUser(payload, 'officer')
})
afterEach(() => {
  vi.useRealTimers()
  setEnvironment(whatsappOn)
})
afterAll(async () => {
  await payload.destroy()
  await fake.close()
  setEnvironment({
    WHATSAPP_TOKEN: undefined,
    WHATSAPP_PHONE_NUMBER_ID: undefined,
    WHATSAPP_API_URL: undefined,
    WHATSAPP_API_VERSION: undefined,
  })
})

const submit = async (locale: Locale = 'id') => (await domicileRequest(payload, { locale })).request

const move = (request: ServiceRequest, nextStatus: string, transitionNote?: string) =>
  payload.update({
    collection: 'service-requests',
    id: request.id,
    data: { nextStatus, transitionNote } as never,
    user: { ...officer, collection: 'users' },
    overrideAccess: false,
  })

const callsFor = (reference: string) => fake.calls.filter((call) => call.parameters.includes(reference))
const whatsappJobs = async () =>
  (await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendWhatsapp' } }, limit: 200, overrideAccess: true }))
    .docs
/** Runs the outbox again once the backoff has passed, as the server's job runner would later. */
const later = async (ms: number) => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(Date.now() + ms)
  await deliverWhatsapp(payload)
}

describe('the WhatsApp Business Cloud API channel', () => {
  it("sends the approved template of each notice to the resident's number, with the bearer token, language and parameters", async () => {
    const request = await submit()
    await deliverWhatsapp(payload)
    const [received] = callsFor(request.reference)
    expect(received).toMatchObject({
      path: `/v23.0/${ACCOUNT.phoneNumberId}/messages`,
      authorization: `Bearer ${ACCOUNT.token}`,
      // "0812 3456 7890" as the kernel writes it in E.164, without the "+".
      to: '6281234567890',
      template: 'desa_permohonan_diterima',
      language: 'id',
    })
    expect(received.body).toMatchObject({ messaging_product: 'whatsapp', recipient_type: 'individual', type: 'template' })
    expect(received.parameters).toEqual([
      'Siti Aminah',
      'Surat Keterangan Domisili',
      request.reference,
      expect.stringMatching(/^[A-Z][a-z]+, \d{2} [A-Z][a-z]+ \d{4}$/),
      'http://localhost:3000/layanan/lacak',
    ])

    await move(request, 'checking')
    await move(request, 'returned', 'Mohon unggah foto KTP\nyang lebih jelas.')
    await deliverWhatsapp(payload)
    const returned = callsFor(request.reference).find((call) => call.parameters.includes('Perlu Dilengkapi'))
    expect(returned).toMatchObject({ template: 'desa_status_permohonan', language: 'id' })
    // A parameter is one line: the Cloud API refuses new lines in it.
    expect(returned!.parameters).toEqual([
      'Siti Aminah',
      'Surat Keterangan Domisili',
      request.reference,
      'Perlu Dilengkapi',
      'Mohon unggah foto KTP yang lebih jelas.',
      'http://localhost:3000/layanan/lacak',
    ])
    // The officer's click-to-chat link stays beside it.
    expect((await payload.findByID({ collection: 'service-requests', id: request.id, overrideAccess: true })).whatsappLink).toMatch(
      /^https:\/\/wa\.me\/6281234567890\?text=/,
    )
  })

  it('writes to a resident who applied in English in the English translation of the template', async () => {
    const request = await submit('en')
    await deliverWhatsapp(payload)
    expect(callsFor(request.reference)[0]).toMatchObject({ template: 'desa_permohonan_diterima', language: 'en_US' })
    expect(callsFor(request.reference)[0].parameters.at(-1)).toBe('http://localhost:3000/en/layanan/lacak')
  })

  it('retries a server error with backoff and delivers the message once', async () => {
    const request = await submit()
    await deliverWhatsapp(payload)
    fake.failNext({ status: 500, json: { error: { message: 'An unknown error has occurred.', type: 'OAuthException', code: 1 } } })
    await move(request, 'checking')
    await deliverWhatsapp(payload)
    const checking = () => callsFor(request.reference).filter((call) => call.parameters.includes('Diperiksa'))
    expect(checking()).toHaveLength(1)
    const [job] = (await whatsappJobs()).filter((j) =>
      ['Diperiksa', request.reference].every((part) => JSON.stringify(j.input).includes(part)),
    )
    expect(job).toMatchObject({ totalTried: 1, hasError: false })
    expect(job.completedAt ?? null).toBeNull()
    // Not before the backoff has passed.
    await deliverWhatsapp(payload)
    expect(checking()).toHaveLength(1)

    await later(60_000)
    expect(checking()).toHaveLength(2)
    // Delivered: the job has left the outbox, and nothing is sent again.
    expect(await payload.findByID({ collection: 'payload-jobs', id: job.id, overrideAccess: true, disableErrors: true })).toBeNull()
    await later(3600_000)
    expect(checking()).toHaveLength(2)
    expect((await payload.findByID({ collection: 'service-requests', id: request.id, overrideAccess: true })).deliveryProblems).toEqual([])
  })

  it("does not retry a refusal, and shows it to staff on the request with the provider's message", async () => {
    const request = await submit()
    await deliverWhatsapp(payload)
    fake.failNext(fake.templateMissing())
    await move(request, 'checking')
    await deliverWhatsapp(payload)
    await later(3600_000)
    expect(callsFor(request.reference).filter((call) => call.parameters.includes('Diperiksa'))).toHaveLength(1)

    const seen = await payload.findByID({
      collection: 'service-requests',
      id: request.id,
      user: { ...officer, collection: 'users' },
      overrideAccess: false,
    })
    expect(seen.deliveryProblems).toEqual([
      expect.objectContaining({
        channel: 'whatsapp',
        to: '6281234567890',
        error:
          'HTTP 400 (code 132001): (#132001) Template name does not exist in the translation: template name (desa_status) does not exist in id',
      }),
    ])
  })

  it('gives up after the last retry of a failure that does not pass, and shows it on the request', async () => {
    const request = await submit()
    await deliverWhatsapp(payload)
    const unavailable = { status: 503, json: { error: { message: 'Service temporarily unavailable', code: 2 } } }
    for (let i = 0; i < 6; i++) fake.failNext(unavailable)
    await move(request, 'checking')
    await deliverWhatsapp(payload)
    for (let i = 0; i < 7; i++) await later(3600_000)
    // The first try and five retries, then no more.
    expect(callsFor(request.reference).filter((call) => call.parameters.includes('Diperiksa'))).toHaveLength(6)
    const seen = await payload.findByID({ collection: 'service-requests', id: request.id, overrideAccess: true })
    expect(seen.deliveryProblems).toEqual([
      expect.objectContaining({ channel: 'whatsapp', error: 'HTTP 503 (code 2): Service temporarily unavailable' }),
    ])
  })

  it('tells the shop and each producer of a new order on WhatsApp too', async () => {
    await saveSettings(payload, { whatsapp: '+6281250007788' })
    const product = await createProduct(payload)
    const producer = typeof product.producer === 'object' ? product.producer.id : product.producer
    await payload.update({ collection: 'producers', id: producer, data: { whatsapp: '+6281234500011' }, overrideAccess: true })
    const order = await placeOrder(payload, checkoutFor(product, 2))
    await deliverWhatsapp(payload)
    const forOrder = fake.calls.filter((call) => call.parameters[0] === order.number)
    expect(forOrder.map(({ to, template, parameters }) => ({ to, template, parameters }))).toEqual(
      expect.arrayContaining([
        {
          to: '6281250007788',
          template: 'desa_pesanan_baru',
          parameters: [order.number, `2 × ${product.title}`, 'Rp 50.000', 'http://localhost:3000/admin/collections/orders'],
        },
        {
          to: '6281234500011',
          template: 'desa_pesanan_produsen',
          parameters: [
            order.number,
            expect.stringMatching(/^Produsen \d+$/),
            `2 × ${product.title}`,
            'http://localhost:3000/admin/collections/orders',
          ],
        },
      ]),
    )
    expect(forOrder).toHaveLength(2)
  })

  it('is off without a token: nothing is queued or sent, and the click-to-chat link stays', async () => {
    setEnvironment({ WHATSAPP_TOKEN: undefined, WHATSAPP_PHONE_NUMBER_ID: undefined })
    const before = (await whatsappJobs()).length
    const request = await submit()
    const checked = await move(request, 'checking')
    await deliverWhatsapp(payload)
    expect((await whatsappJobs()).length).toBe(before)
    expect(callsFor(request.reference)).toEqual([])
    expect(checked.whatsappLink).toMatch(/^https:\/\/wa\.me\/6281234567890\?text=/)
  })
})
