import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Village } from '../../cms/payload-types'
import { inRegencyPortal, inVillage } from '../../cms/villages/current'
import {
  byKecamatan,
  getRegency,
  portalFeaturedProducts,
  portalNews,
  portalNewsForFeed,
  portalProducts,
  portalServices,
  portalVillages,
  portalVillagesOnMap,
} from '../../site/lib/portal'
import { EmbeddedEngine } from '../../cms/search/embedded'
import { setSearchEngine } from '../../cms/search/engine'
import { reindexAll } from '../../cms/search/sync'
import { parseSearchRequest, searchSite } from '../../site/lib/search'
import { settingsOf } from '../../cms/villages/settings'
import { startPayload } from '../support/payload'
import { paragraph } from '../support/richText'
import { createProduct } from '../support/shop'

let payload: Payload
let first: Village
let sukamaju: Village
let batuAmpar: Village
let archived: Village

const ref = (village: Village) => ({ id: village.id, slug: village.slug })

const village = (name: string, slug: string, kecamatan: string, host: string) =>
  payload.create({ collection: 'villages', data: { name, slug, kecamatan, status: 'active', domains: [{ host }] }, overrideAccess: true })

/** An article of `owner`, published on `day` (of December 2026) unless it is a draft. */
const article = (owner: Village, title: string, day: number, status: 'published' | 'draft' = 'published') =>
  payload.create({
    collection: 'news',
    data: {
      title,
      slug: title.toLowerCase().replace(/\W+/g, '-'),
      body: paragraph(title),
      publishedAt: new Date(Date.UTC(2026, 11, day)).toISOString(),
      _status: status,
      village: owner.id,
    },
    overrideAccess: true,
  })

/** A featured product of `owner`, named `title`. */
const product = async (owner: Village, title: string) => {
  const made = await inVillage(ref(owner), () => createProduct(payload))
  return payload.update({ collection: 'products', id: made.id, data: { title, featured: true }, overrideAccess: true })
}

/** What an anonymous visitor of the regency's host reads. */
const onPortal = <T>(read: () => Promise<T>) => inRegencyPortal(read)
const titles = (docs: { title: string }[]) => docs.map((d) => d.title)

beforeAll(async () => {
  payload = await startPayload()
  ;[first] = (await payload.find({ collection: 'villages', overrideAccess: true })).docs
  first = await payload.update({
    collection: 'villages',
    id: first.id,
    data: { name: 'Desa Sungai Lestari', kecamatan: 'Loa Sentosa', domains: [{ host: 'desa.localhost' }] },
    overrideAccess: true,
  })
  sukamaju = await village('Desa Sukamaju', 'sukamaju', 'Loa Sentosa', 'sukamaju.localhost')
  batuAmpar = await village('Desa Batu Ampar', 'batu-ampar', 'Tenggarong Seberang', 'batu-ampar.localhost')
  archived = await village('Desa Lama', 'desa-lama', 'Tenggarong Seberang', 'lama.localhost')
  await article(first, 'Kerja bakti Sungai Lestari', 1)
  await article(sukamaju, 'Pasar tani Sukamaju', 3)
  await article(sukamaju, 'Draf rapat Sukamaju', 4, 'draft')
  await article(batuAmpar, 'Ikan asin Batu Ampar', 2)
  await article(archived, 'Kabar Desa Lama', 5)
  await product(sukamaju, 'Keripik pisang Sukamaju')
  await product(batuAmpar, 'Kopi liberika Batu Ampar')
  await product(archived, 'Anyaman Desa Lama')
  await payload.update({ collection: 'villages', id: archived.id, data: { status: 'archived' }, overrideAccess: true })
  await payload.updateGlobal({
    slug: 'regency',
    data: { name: 'Kabupaten Kutai Kartanegara', introduction: 'Setiap desa punya situs.', domains: [{ host: 'kabupaten.localhost' }] },
    overrideAccess: true,
  })
})

describe('the regency portal', () => {
  it('lists the active villages by kecamatan, each with the address of its own site, never an archived one', async () => {
    const villages = await onPortal(portalVillages)
    expect(byKecamatan(villages).map((g) => [g.kecamatan, g.villages.map((v) => v.name)])).toEqual([
      ['Loa Sentosa', ['Desa Sukamaju', 'Desa Sungai Lestari']],
      ['Tenggarong Seberang', ['Desa Batu Ampar']],
    ])
    expect(villages.find((v) => v.slug === 'sukamaju')?.site).toMatch(/^http:\/\/sukamaju\.localhost:\d+$/)
  })

  it("shows every active village's published news, newest first, each with its village; no draft, nothing of an archived village", async () => {
    const { docs } = await onPortal(() => portalNews('id', { page: 1 }))
    expect(titles(docs)).toEqual(['Pasar tani Sukamaju', 'Ikan asin Batu Ampar', 'Kerja bakti Sungai Lestari'])
    expect(docs.map((d) => d.source?.name)).toEqual(['Desa Sukamaju', 'Desa Batu Ampar', 'Desa Sungai Lestari'])
    expect(titles(await onPortal(() => portalNewsForFeed('id')))).toEqual(titles(docs))
  })

  it('filters the news by village, and shows a newly published article on the next read', async () => {
    const villages = await onPortal(portalVillages)
    const batu = villages.find((v) => v.slug === 'batu-ampar')
    expect(titles((await onPortal(() => portalNews('id', { page: 1, village: batu }))).docs)).toEqual(['Ikan asin Batu Ampar'])
    await article(batuAmpar, 'Kopi panen Batu Ampar', 6)
    expect(titles((await onPortal(() => portalNews('id', { page: 1 }))).docs)[0]).toBe('Kopi panen Batu Ampar')
    expect(titles((await onPortal(() => portalNews('id', { page: 1, village: batu }))).docs)).toEqual([
      'Kopi panen Batu Ampar',
      'Ikan asin Batu Ampar',
    ])
  })

  it('shows the featured products and the catalogue of the active villages, filtered by village or kecamatan', async () => {
    const featured = await onPortal(() => portalFeaturedProducts('id'))
    expect(titles(featured).sort()).toEqual(['Keripik pisang Sukamaju', 'Kopi liberika Batu Ampar'])
    expect(featured.find((p) => p.title === 'Keripik pisang Sukamaju')?.source?.slug).toBe('sukamaju')
    const villages = await onPortal(portalVillages)
    const loaSentosa = byKecamatan(villages).find((g) => g.kecamatan === 'Loa Sentosa')!.villages
    expect(titles((await onPortal(() => portalProducts('id', { page: 1, villages: loaSentosa }))).docs)).toEqual([
      'Keripik pisang Sukamaju',
    ])
    expect((await onPortal(() => portalProducts('id', { page: 1 }))).totalDocs).toBe(2)
  })

  it('offers each service once, with the villages where residents request it', async () => {
    for (const owner of [sukamaju, batuAmpar])
      await payload.create({
        collection: 'services',
        data: {
          name: 'Surat Keterangan Domisili',
          slug: 'domisili',
          code: '474.1',
          fee: 0,
          processingDays: 3,
          summary: 'Bukti tempat tinggal.',
          active: true,
          village: owner.id,
        },
        overrideAccess: true,
      })
    const services = await onPortal(() => portalServices('id'))
    expect(services.map((s) => [s.slug, s.villages.map((v) => v.slug)])).toEqual([['domisili', ['sukamaju', 'batu-ampar']]])
  })

  it("names the regency and its programme in the visitor's language, as saved last", async () => {
    expect(await onPortal(() => getRegency('id'))).toEqual({
      name: 'Kabupaten Kutai Kartanegara',
      introduction: 'Setiap desa punya situs.',
    })
    await payload.updateGlobal({ slug: 'regency', locale: 'en', data: { name: 'Kutai Kartanegara Regency' }, overrideAccess: true })
    expect((await onPortal(() => getRegency('en'))).name).toBe('Kutai Kartanegara Regency')
    await payload.updateGlobal({ slug: 'regency', data: { introduction: 'Program baru.' }, overrideAccess: true })
    expect((await onPortal(() => getRegency('id'))).introduction).toBe('Program baru.')
  })

  it("leads to a village without a domain of its own under /desa/<slug>/ on the regency's host", async () => {
    await payload.create({
      collection: 'villages',
      data: { name: 'Desa Tanpa Domain', slug: 'tanpa-domain', kecamatan: 'Tenggarong Seberang', status: 'active' },
      overrideAccess: true,
    })
    const villages = await onPortal(portalVillages)
    expect(villages.find((v) => v.slug === 'tanpa-domain')?.site).toMatch(/^http:\/\/kabupaten\.localhost:\d+\/desa\/tanpa-domain$/)
  })

  it('finds what every active village published in one search, each hit naming its village; nothing of an archived one', async () => {
    setSearchEngine(new EmbeddedEngine())
    await reindexAll(payload)
    const search = (q: string) => onPortal(() => searchSite(parseSearchRequest(new URLSearchParams({ q })), 'id'))
    const found = async (q: string) =>
      (await search(q)).groups.flatMap((g) => g.hits.map((h) => [h.title.map((s) => s.text).join(''), h.village, h.path]))
    expect(await found('keripik')).toEqual([['Keripik pisang Sukamaju', sukamaju.id, expect.stringMatching(/^\/produk\//)]])
    expect(await found('kopi liberika')).toEqual([['Kopi liberika Batu Ampar', batuAmpar.id, expect.stringMatching(/^\/produk\//)]])
    expect(await found('ikan asin')).toEqual([['Ikan asin Batu Ampar', batuAmpar.id, '/berita/ikan-asin-batu-ampar']])
    expect((await found('anyaman')).length).toBe(0)
    // A village's own site still finds only its own.
    const ownSearch = await inVillage(ref(sukamaju), () => searchSite(parseSearchRequest(new URLSearchParams({ q: 'kopi' })), 'id'))
    expect(ownSearch.groups).toEqual([])
  })

  it('places on its map the active villages whose settings give both coordinates', async () => {
    const place = async (owner: Village, latitude: number | null, longitude: number | null) => {
      const { id } = await settingsOf(payload, owner.id, { depth: 0 })
      await payload.update({ collection: 'settings', id, data: { latitude, longitude }, overrideAccess: true })
    }
    await place(sukamaju, -0.5012, 117.0421)
    await place(batuAmpar, -0.4236, null)
    await place(archived, -0.4, 117.2)
    await place(first, null, null)
    expect((await onPortal(portalVillagesOnMap)).map((v) => [v.name, v.latitude, v.longitude])).toEqual([
      ['Desa Sukamaju', -0.5012, 117.0421],
    ])
    await place(batuAmpar, -0.4236, 117.1589)
    expect((await onPortal(portalVillagesOnMap)).map((v) => v.name)).toEqual(['Desa Sukamaju', 'Desa Batu Ampar'])
  })
})
