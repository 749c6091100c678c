import { createLocalReq, type Field, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setEnvironment } from '../../cms/lib/config'
import type { Service, User, Village } from '../../cms/payload-types'
import { CATALOGUE } from '../../cms/villages/catalogue'
import { inVillage } from '../../cms/villages/current'
import { onboardVillage, type OnboardingContext, type OnboardingReport } from '../../cms/villages/onboard'
import { createUser, deliverEmails, startPayload } from '../support/payload'
import { paragraph } from '../support/richText'
import { seedServiceCatalog, serviceBySlug } from '../support/services'
import { smtpInbox, type ReceivedMail } from '../support/smtp'
import { saveSettings } from '../support/villageDocuments'
import { settingsOf } from '../../cms/villages/settings'
import { readFileSync } from 'node:fs'
import path from 'node:path'

const smtp = smtpInbox()
let payload: Payload
let template: Village
let picture: number
let category: number
/** What the template village wrote about itself: none of it may reach another village. */
const OWN_WORDS = ['Tepian Gelam', 'Sungai Lestari berdiri', 'H. Abdul Karim', 'Kantor Desa Sungai Lestari', 'Perjalanan Sungai Lestari']

const photo = readFileSync(path.resolve('content/images/pasar-desa.jpg'))
const withText = (text: string, children: object[]) => ({ ...paragraph(text).root.children[0], children })
const textNode = (text: string) => paragraph(text).root.children[0].children[0]

/** A village created as `npm run village:add` creates it, with the onboarding it asks for; resolves with its report. */
const createVillage = async (data: Partial<Village> & Pick<Village, 'name' | 'slug'>, onboarding: OnboardingContext['onboarding'] = {}) => {
  let report: OnboardingReport | undefined
  const village = await payload.create({
    collection: 'villages',
    data: { status: 'active', ...data },
    context: { onboarding: { ...onboarding, done: (r: OnboardingReport) => (report = r) } },
    overrideAccess: true,
  })
  return { village, report: report! }
}

const all = async <C extends (typeof CATALOGUE)[number] | 'pages'>(collection: C, village: Village, locale: 'id' | 'en' = 'id') =>
  (
    await payload.find({
      collection,
      where: { village: { equals: village.id } },
      pagination: false,
      depth: 0,
      draft: true,
      locale,
      overrideAccess: true,
    })
  ).docs

/** Every document id a stored value points to (relationship values, rich-text uploads, links and relationships). */
const referencesIn = (value: unknown): { relationTo: string; id: number }[] => {
  if (Array.isArray(value)) return value.flatMap(referencesIn)
  if (!value || typeof value !== 'object') return []
  const node = value as { relationTo?: string; value?: unknown }
  const own = typeof node.relationTo === 'string' && typeof node.value === 'number' ? [{ relationTo: node.relationTo, id: node.value }] : []
  return [...own, ...Object.values(value).flatMap(referencesIn)]
}

/** The words of a rich-text node, as a reader sees them. */
const textOf = (node: unknown): string => {
  const { text, children } = node as { text?: string; children?: unknown[] }
  return text ?? (children ?? []).map(textOf).join('')
}

const waitForMail = async (match: (m: ReceivedMail) => boolean) => {
  await deliverEmails(payload)
  await expect.poll(() => smtp.mails.some(match)).toBe(true)
  return smtp.mails.find(match)!
}

beforeAll(async () => {
  setEnvironment({ SMTP_URL: `smtp://127.0.0.1:${await smtp.listen()}`, PUBLIC_URL: 'https://desa.test' })
  payload = await startPayload()
  ;[template] = (await payload.find({ collection: 'villages', overrideAccess: true })).docs
  await seedServiceCatalog(payload)
  picture = (
    await payload.create({
      collection: 'media',
      data: { alt: 'Kantor Desa Sungai Lestari' },
      file: { data: photo, name: 'kantor.jpg', mimetype: 'image/jpeg', size: photo.length },
      overrideAccess: true,
    })
  ).id
  category = (
    await payload.create({
      collection: 'product-categories',
      data: { title: 'Makanan', slug: 'makanan' },
      locale: 'id',
      overrideAccess: true,
    })
  ).id
  await payload.update({ collection: 'product-categories', id: category, data: { title: 'Food' }, locale: 'en', overrideAccess: true })
  const zone = await payload.create({
    collection: 'shipping-zones',
    data: { name: 'Kalimantan', provinces: ['Kalimantan Timur'], baseFee: 10_000, perKgFee: 6_000 },
    locale: 'id',
    overrideAccess: true,
  })
  await payload.update({ collection: 'shipping-zones', id: zone.id, data: { name: 'Borneo' }, locale: 'en', overrideAccess: true })
  // A service whose letter template shows the village's stamp, links to the shop's food and names another service.
  const skck = await serviceBySlug(payload, 'pengantar-skck')
  await payload.create({
    collection: 'services',
    data: {
      name: 'Surat Keterangan Usaha Pangan',
      slug: 'keterangan-usaha-pangan',
      code: '510',
      fee: 0,
      processingDays: 3,
      summary: 'Untuk usaha makanan rumahan.',
      letterTemplate: {
        root: {
          ...paragraph('').root,
          children: [
            withText('', [
              textNode('Yang bertanda tangan di bawah ini, kepala desa {{desa}}, menerangkan usaha pangan '),
              {
                type: 'link',
                version: 3,
                fields: { linkType: 'internal', doc: { relationTo: 'product-categories', value: category } },
                children: [textNode('makanan')],
              },
              textNode(' (lihat juga '),
              {
                type: 'link',
                version: 3,
                fields: { linkType: 'internal', doc: { relationTo: 'media', value: picture } },
                children: [textNode('cap desa')],
              },
              textNode(').'),
            ]),
            { type: 'upload', version: 3, format: '', relationTo: 'media', value: picture, fields: null },
            { type: 'relationship', version: 2, format: '', relationTo: 'services', value: skck.id },
          ],
        },
      },
    },
    locale: 'id',
    overrideAccess: true,
  })
  const history = await payload.create({
    collection: 'pages',
    data: {
      title: 'Sejarah Desa',
      slug: 'sejarah',
      order: 1,
      summary: 'Perjalanan Sungai Lestari dari permukiman nelayan.',
      blocks: [
        { blockType: 'content', body: paragraph('Kampung Tepian Gelam, asal Desa Sungai Lestari berdiri pada 1962.') },
        {
          blockType: 'officials',
          heading: 'Kepala desa dari masa ke masa',
          people: [{ name: 'H. Abdul Karim', position: 'Kepala Desa', photo: picture }],
        },
      ],
      _status: 'published',
    },
    locale: 'id',
    overrideAccess: true,
  })
  const [text, officials] = history.blocks!
  await payload.update({
    collection: 'pages',
    id: history.id,
    data: {
      title: 'Village History',
      summary: 'How Sungai Lestari grew from a fishing settlement.',
      blocks: [
        { id: text.id, blockType: 'content', body: paragraph('Tepian Gelam, where Sungai Lestari berdiri in 1962.') },
        {
          id: officials.id,
          blockType: 'officials',
          heading: 'Heads of the village',
          people: [{ ...(officials.blockType === 'officials' && officials.people[0]), name: 'H. Abdul Karim', position: 'Village head' }],
        },
      ],
      _status: 'published',
    },
    locale: 'en',
    overrideAccess: true,
  })
  await payload.create({
    collection: 'pages',
    data: {
      title: 'Peta dan Kontak',
      slug: 'peta-kontak',
      order: 5,
      blocks: [
        { blockType: 'map', caption: 'Kantor Desa Sungai Lestari di tepi Mahakam.' },
        { blockType: 'contacts', intro: 'Kantor Desa Sungai Lestari buka setiap hari kerja.' },
      ],
      _status: 'published',
    },
    locale: 'id',
    overrideAccess: true,
  })
  await saveSettings(payload, {
    name: 'Desa Sungai Lestari',
    bank: { bankName: 'Bank Kaltimtara', accountNumber: '0081234567', accountHolder: 'BUMDes Lestari Mandiri' },
    paymentMethods: { bankTransfer: true, qris: true, cash: false },
    returnPolicy: { days: 7, method: 'inStore', fees: 'free' },
    whatsappTemplates: [{ event: 'received', name: 'desa_permohonan_diterima', language: 'id' }],
  })
  // A page the template village has not published: its own unfinished work, not part of the layout.
  await payload.create({
    collection: 'pages',
    data: { title: 'Rencana Festival Tepian Gelam', slug: 'festival', _status: 'draft' },
    draft: true,
    locale: 'id',
    overrideAccess: true,
  })
})

afterAll(async () => {
  await payload.destroy()
  await smtp.close()
  setEnvironment({ SMTP_URL: undefined, PUBLIC_URL: undefined })
})

describe('onboarding a new village', () => {
  let sukamaju: Village
  let report: OnboardingReport

  beforeAll(async () => {
    ;({ village: sukamaju, report } = await createVillage(
      { name: 'Sukamaju', slug: 'sukamaju', code: '64.09.01.2005', domains: [{ host: 'sukamaju.desa.test' }, { host: 'sukamaju.test' }] },
      { admin: { email: 'Wati@Sukamaju.test', name: 'Wati Lestari', language: 'en' } },
    ))
  })

  it('copies the template village’s services with their forms and letter templates, its product categories and shipping zones, in both languages', async () => {
    expect(report.template).toMatchObject({ id: template.id })
    const original = await all('services', template)
    const copies = await all('services', sukamaju)
    expect(copies.map((s) => s.slug)).toEqual(original.map((s) => s.slug))
    expect(report.copied).toEqual({ services: 9, 'product-categories': 1, 'shipping-zones': 1, pages: 2 })
    const skck = (list: Service[]) => list.find((s) => s.slug === 'pengantar-skck')!
    expect(skck(copies).id).not.toBe(skck(original).id)
    expect(skck(copies).form?.map((f) => [f.name, f.type, f.required])).toEqual(
      skck(original).form?.map((f) => [f.name, f.type, f.required]),
    )
    expect(skck(copies).form?.every((f, i) => f.id !== skck(original).form?.[i].id)).toBe(true)
    expect(skck(copies).letterTemplate).toEqual(skck(original).letterTemplate)
    expect(skck(await all('services', sukamaju, 'en')).name).toBe('Police record certificate (SKCK) referral')
    expect((await all('product-categories', sukamaju, 'en')).map((c) => [c.slug, c.title])).toEqual([['makanan', 'Food']])
    expect((await all('shipping-zones', sukamaju, 'en')).map((z) => [z.name, z.provinces, z.baseFee])).toEqual([
      ['Borneo', ['Kalimantan Timur'], 10_000],
    ])
    // The template keeps its own.
    expect((await all('services', template)).length).toBe(9)
  })

  it('points every reference in the copies to the new village’s copies, and leaves out the pictures it does not copy', async () => {
    const copy = (await all('services', sukamaju)).find((s) => s.slug === 'keterangan-usaha-pangan')!
    const [food] = await all('product-categories', sukamaju)
    const skck = (await all('services', sukamaju)).find((s) => s.slug === 'pengantar-skck')!
    expect(referencesIn(copy.letterTemplate)).toEqual([
      { relationTo: 'product-categories', id: food.id },
      { relationTo: 'services', id: skck.id },
    ])
    // The link to a picture became its words, the picture itself is gone.
    expect(textOf(copy.letterTemplate!.root.children[0])).toMatch(/usaha pangan makanan \(lihat juga cap desa\)\.$/)
    for (const collection of [...CATALOGUE, 'pages'] as const)
      for (const doc of await all(collection, sukamaju)) {
        expect(doc.village).toBe(sukamaju.id)
        for (const ref of referencesIn({ ...doc, village: null })) {
          const target = await payload.findByID({ collection: ref.relationTo as 'services', id: ref.id, depth: 0, overrideAccess: true })
          expect(target.village, `${collection} ${doc.id} → ${ref.relationTo} ${ref.id}`).toBe(sukamaju.id)
        }
      }
  })

  it('lays out the profile pages as drafts with the template’s titles, slugs and kinds of sections, and nothing it wrote', async () => {
    const pages = await all('pages', sukamaju)
    expect(pages.map((p) => [p.slug, p.title, p._status, p.order])).toEqual([
      ['sejarah', 'Sejarah Desa', 'draft', 1],
      ['peta-kontak', 'Peta dan Kontak', 'draft', 5],
    ])
    expect((await all('pages', sukamaju, 'en')).map((p) => p.title)).toEqual(['Village History', 'Peta dan Kontak'])
    expect(pages.map((p) => p.blocks?.map((b) => b.blockType))).toEqual([
      ['content', 'officials'],
      ['map', 'contacts'],
    ])
    const everyLanguage = await payload.find({
      collection: 'pages',
      where: { village: { equals: sukamaju.id } },
      locale: 'all',
      draft: true,
      depth: 0,
      overrideAccess: true,
    })
    const stored = JSON.stringify(everyLanguage.docs)
    for (const words of [...OWN_WORDS, 'Kepala desa dari masa ke masa', 'Heads of the village', 'fishing settlement'])
      expect(stored).not.toContain(words)
    expect(referencesIn(everyLanguage.docs.map((p) => ({ ...p, village: null })))).toEqual([])
    // Nothing shows on the new village's site until an editor publishes it.
    const published = await inVillage({ id: sukamaju.id, slug: sukamaju.slug }, () =>
      payload.find({ collection: 'pages', overrideAccess: false }),
    )
    expect(published.totalDocs).toBe(0)
  })

  it('makes the first admin an administrator of the new village only, invited by email in their language with a working link', async () => {
    const { docs } = await payload.find({
      collection: 'users',
      where: { email: { equals: 'wati@sukamaju.test' } },
      depth: 0,
      overrideAccess: true,
    })
    expect(docs).toHaveLength(1)
    const [wati] = docs
    expect(wati).toMatchObject({ role: 'admin', name: 'Wati Lestari', language: 'en' })
    expect(wati.villages?.map((row) => row.village)).toEqual([sukamaju.id])
    expect(report.admin).toEqual({ email: 'wati@sukamaju.test', account: 'invited', role: 'admin' })

    const mail = await waitForMail((m) => m.to.includes('wati@sukamaju.test'))
    expect(mail.subject).toBe('Invitation to run the website of Sukamaju')
    expect(mail.text).toContain('Hello Wati Lestari,')
    expect(mail.text).toContain('Then sign in at https://sukamaju.desa.test/admin with this email address.')
    const link = /https:\/\/sukamaju\.desa\.test\/admin\/reset\/([0-9a-f]+)/.exec(mail.text)
    expect(link, mail.text).not.toBeNull()
    await payload.resetPassword({ collection: 'users', data: { token: link![1], password: 'Sukamaju-Maju-2026' }, overrideAccess: true })
    const signedIn = await payload.login({ collection: 'users', data: { email: 'wati@sukamaju.test', password: 'Sukamaju-Maju-2026' } })
    const user = { ...(signedIn.user as User), collection: 'users' as const }
    const seen = await payload.find({ collection: 'services', user, overrideAccess: false, pagination: false, depth: 0 })
    expect(seen.docs.map((s) => s.village)).toEqual(Array(9).fill(sukamaju.id))
    expect((await payload.find({ collection: 'users', user, overrideAccess: false, depth: 0 })).docs.map((u) => u.email)).toEqual([
      'wati@sukamaju.test',
    ])
  })

  it("gives the new village its own settings, with the template's payment methods, returns and WhatsApp templates but none of its identity or accounts", async () => {
    expect(report.settings).toBe(true)
    const own = await settingsOf(payload, sukamaju.id, { depth: 0 })
    expect(own).toMatchObject({
      name: 'Sukamaju',
      villageCode: '64.09.01.2005',
      paymentMethods: { bankTransfer: true, qris: true, cash: false },
      returnPolicy: { days: 7, method: 'inStore', fees: 'free' },
    })
    expect(own.whatsappTemplates).toEqual([
      expect.objectContaining({ event: 'received', name: 'desa_permohonan_diterima', language: 'id' }),
    ])
    expect(own.bank?.accountNumber ?? null).toBeNull()
    expect(own.id).not.toBe((await settingsOf(payload, template.id, { depth: 0 })).id)
  })

  it('copies nothing twice when it runs again for the same village', async () => {
    const counts = async () => Promise.all([...CATALOGUE, 'pages' as const].map(async (c) => (await all(c, sukamaju)).length))
    const before = await counts()
    const again = await onboardVillage(await createLocalReq({}, payload), sukamaju, {
      admin: { email: 'wati@sukamaju.test', name: 'Wati' },
    })
    expect(again.copied).toEqual({ services: 0, 'product-categories': 0, 'shipping-zones': 0, pages: 0 })
    expect(again.admin).toMatchObject({ account: 'already' })
    expect(await counts()).toEqual(before)
    expect(
      (await payload.count({ collection: 'users', where: { email: { equals: 'wati@sukamaju.test' } }, overrideAccess: true })).totalDocs,
    ).toBe(1)
  })

  it('gives an existing account the next village instead of a second account, copied from the village it names, and tells them', async () => {
    const officer = await payload.update({
      collection: 'users',
      id: (await createUser(payload, 'officer')).id,
      data: { villages: [{ village: template.id }] },
      overrideAccess: true,
    })
    const { village: makmur, report: made } = await createVillage(
      { name: 'Makmur Jaya', slug: 'makmur-jaya', domains: [{ host: 'makmur.desa.test' }] },
      { from: 'sukamaju', admin: { email: officer.email, name: 'Nama lain', language: 'en' } },
    )
    expect(made.template).toMatchObject({ slug: 'sukamaju' })
    expect(made.admin).toEqual({ email: officer.email, account: 'joined', role: 'officer' })
    const { docs } = await payload.find({
      collection: 'users',
      where: { email: { equals: officer.email } },
      depth: 0,
      overrideAccess: true,
    })
    expect(docs).toHaveLength(1)
    expect(docs[0].villages?.map((row) => row.village)).toEqual([template.id, makmur.id])
    // Their account's own language (Indonesian), whatever the onboarding was told.
    const mail = await waitForMail((m) => m.to.includes(officer.email))
    expect(mail.subject).toBe('Akun Anda kini juga mengelola situs desa Makmur Jaya')
    expect(mail.text).toContain('https://makmur.desa.test/admin')
    expect((await all('services', makmur)).length).toBe(9)
  })

  it('refuses a template that does not exist, and creates no village', async () => {
    const before = (await payload.count({ collection: 'villages', overrideAccess: true })).totalDocs
    await expect(createVillage({ name: 'Salah', slug: 'salah' }, { from: 'tidak-ada' })).rejects.toMatchObject({
      status: 400,
      message: 'Tidak ada desa dengan slug tidak-ada untuk disalin (--from).',
    })
    expect((await payload.count({ collection: 'villages', overrideAccess: true })).totalDocs).toBe(before)
  })
})

/** The fields, at any depth, whose values can point to other documents. */
const referringFields = (fields: Field[]): string[] =>
  fields.flatMap((f) => {
    if (f.type === 'relationship' || f.type === 'upload' || f.type === 'join' || f.type === 'richText') return [f.name]
    if (f.type === 'blocks') return f.blocks.flatMap((b) => referringFields(b.fields))
    return 'fields' in f ? referringFields(f.fields) : []
  })

it('the catalogue refers to other documents only in a service’s letter template, which onboarding rewrites, and to the original a copy is adopted from', () => {
  for (const collection of CATALOGUE)
    expect(referringFields(payload.collections[collection].config.fields), collection).toEqual(
      collection === 'services' ? ['village', 'letterTemplate', 'adoptedFrom'] : ['village', 'adoptedFrom'],
    )
})
