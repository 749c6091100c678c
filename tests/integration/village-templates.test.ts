import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Service, User, Village } from '../../cms/payload-types'
import { inVillage } from '../../cms/villages/current'
import { createUser, startPayload, actingAs } from '../support/payload'
import { seedServiceCatalog, serviceBySlug } from '../support/services'

let payload: Payload
let template: Village
let sukamaju: Village
let officerOfSukamaju: User

const ref = (village: Village) => ({ id: village.id, slug: village.slug })
const sktmOf = (village: Village, locale: 'id' | 'en' = 'id') =>
  inVillage(ref(village), () => serviceBySlug(payload, 'keterangan-tidak-mampu', locale))
/** The jobs of the regency's queue, as the server runs them within the minute. */
const passOn = () => payload.jobs.run({ queue: 'regency', limit: 100 })
const saveTemplate = async (data: Partial<Service>, locale: 'id' | 'en' = 'id') => {
  await payload.update({ collection: 'services', id: (await sktmOf(template)).id, data, locale, overrideAccess: true })
  await passOn()
}

beforeAll(async () => {
  payload = await startPayload()
  ;[template] = (await payload.find({ collection: 'villages', overrideAccess: true })).docs
  await seedServiceCatalog(payload)
  await payload.create({
    collection: 'product-categories',
    data: { title: 'Makanan', slug: 'makanan', village: template.id },
    overrideAccess: true,
  })
  // Onboarded from the template village, as a regency administrator adds it.
  sukamaju = await payload.create({
    collection: 'villages',
    data: { name: 'Desa Sukamaju', slug: 'sukamaju', status: 'active' },
    overrideAccess: true,
  })
  const officer = await createUser(payload, 'officer')
  officerOfSukamaju = await payload.update({
    collection: 'users',
    id: officer.id,
    data: { villages: [{ village: sukamaju.id }] },
    overrideAccess: true,
  })
})

describe("the regency's shared templates", () => {
  it("give a new village the template village's catalogue as copies that follow their originals", async () => {
    const [original, copy] = [await sktmOf(template), await sktmOf(sukamaju)]
    expect(copy.id).not.toBe(original.id)
    expect(copy).toMatchObject({ adoptedFrom: original.id, followsTemplate: true, name: original.name })
    const { docs: categories } = await payload.find({
      collection: 'product-categories',
      where: { village: { equals: sukamaju.id } },
      overrideAccess: true,
    })
    expect(categories.map((c) => [c.title, c.followsTemplate])).toEqual([['Makanan', true]])
  })

  it('carry a change of the template, in both languages and with its form, to the villages that follow it', async () => {
    const before = await sktmOf(sukamaju)
    const form = (await sktmOf(template)).form!
    await saveTemplate({
      name: 'Surat Keterangan Tidak Mampu (SKTM)',
      fee: 5000,
      form: [
        ...form.map((f, i) => (i === 0 ? { ...f, label: 'Tempat lahir (sesuai KTP)' } : f)),
        { name: 'rt', label: 'Nomor RT', type: 'text', required: false },
      ],
    })
    const english = (await sktmOf(template, 'en')).form!
    await saveTemplate(
      {
        name: 'Certificate of low income (SKTM)',
        form: english.map((f, i) => (i === english.length - 1 ? { ...f, label: 'RT number' } : f)),
      },
      'en',
    )

    const copy = await sktmOf(sukamaju)
    expect(copy).toMatchObject({
      id: before.id,
      village: sukamaju.id,
      slug: before.slug,
      fee: 5000,
      name: 'Surat Keterangan Tidak Mampu (SKTM)',
    })
    expect(copy.form!.map((f) => f.label)).toEqual(['Tempat lahir (sesuai KTP)', ...form.slice(1).map((f) => f.label), 'Nomor RT'])
    expect((await sktmOf(sukamaju, 'en')).name).toBe('Certificate of low income (SKTM)')
    expect((await sktmOf(sukamaju, 'en')).form!.at(-1)!.label).toBe('RT number')
    // The template's own rows are not shared: each village keeps its own.
    expect(copy.form![0].id).not.toBe((await sktmOf(template)).form![0].id)
  })

  it("stop following once a village changes its copy: the template's later changes leave the village's version", async () => {
    const copy = await sktmOf(sukamaju)
    const changed = await payload.update({
      collection: 'services',
      id: copy.id,
      data: { summary: 'Surat untuk keringanan biaya, diurus di Kantor Desa Sukamaju.' },
      ...actingAs(officerOfSukamaju),
    })
    expect(changed.followsTemplate).toBe(false)
    await saveTemplate({ summary: 'Ringkasan baru dari kabupaten.', fee: 7500 })
    expect(await sktmOf(sukamaju)).toMatchObject({ summary: 'Surat untuk keringanan biaya, diurus di Kantor Desa Sukamaju.', fee: 5000 })
  })

  it("take the template's version again, at once, when the village ticks to follow it", async () => {
    const copy = await sktmOf(sukamaju)
    const back = await payload.update({
      collection: 'services',
      id: copy.id,
      data: { followsTemplate: true },
      ...actingAs(officerOfSukamaju),
    })
    expect(back.followsTemplate).toBe(true)
    expect(await sktmOf(sukamaju)).toMatchObject({ summary: 'Ringkasan baru dari kabupaten.', fee: 7500, followsTemplate: true })
  })

  it('carry product categories too, and leave a save that changes nothing following', async () => {
    const [original] = (
      await payload.find({ collection: 'product-categories', where: { village: { equals: template.id } }, overrideAccess: true })
    ).docs
    await payload.update({ collection: 'product-categories', id: original.id, data: { title: 'Makanan olahan' }, overrideAccess: true })
    await passOn()
    const [copy] = (
      await payload.find({ collection: 'product-categories', where: { village: { equals: sukamaju.id } }, overrideAccess: true })
    ).docs
    expect(copy).toMatchObject({ title: 'Makanan olahan', followsTemplate: true })
    const resaved = await payload.update({
      collection: 'product-categories',
      id: copy.id,
      data: { title: copy.title },
      overrideAccess: true,
    })
    expect(resaved.followsTemplate).toBe(true)
  })

  it('ask for one passing on when a template is saved several times before the job runs', async () => {
    const original = await sktmOf(template)
    for (const fee of [8000, 8500, 9000])
      await payload.update({ collection: 'services', id: original.id, data: { fee }, overrideAccess: true })
    const waiting = await payload.count({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'passOnTemplate' } },
      overrideAccess: true,
    })
    expect(waiting.totalDocs).toBe(1)
    await passOn()
    expect((await sktmOf(sukamaju)).fee).toBe(9000)
  })

  it('let no village point its copy at another document to take that one in', async () => {
    const copy = await sktmOf(sukamaju)
    const other = await inVillage(ref(template), () => serviceBySlug(payload, 'keterangan-domisili'))
    const saved = await payload.update({
      collection: 'services',
      id: copy.id,
      data: { adoptedFrom: other.id },
      ...actingAs(officerOfSukamaju),
    })
    expect(saved.adoptedFrom).toBe(copy.adoptedFrom)
  })
})
