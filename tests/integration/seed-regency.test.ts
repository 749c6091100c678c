import { readdirSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { setEnvironment } from '../../cms/lib/config'
import type { Village } from '../../cms/payload-types'
import { seed } from '../../cms/seed'
import { inVillage } from '../../cms/villages/current'
import { villageForHost } from '../../cms/villages/resolve'
import { settingsOf } from '../../cms/villages/settings'
import { startPayload } from '../support/payload'

let payload: Payload
let villages: Village[]
const contentDir = path.resolve('content')
const quiet = () => {}
const SERVICES = readdirSync(path.join(contentDir, 'services')).filter((f) => f.endsWith('.json')).length

/** What the anonymous visitors of a village's site see of a collection: the titles (or names) of its documents. */
const shown = (village: Village, collection: 'news' | 'products' | 'services') =>
  inVillage({ id: village.id, slug: village.slug }, async () =>
    (await payload.find({ collection, limit: 100, depth: 0, overrideAccess: false })).docs.map((d) => ('title' in d ? d.title : d.name)),
  )

const counts = async () =>
  Promise.all(
    (['villages', 'settings', 'news', 'products', 'producers', 'services', 'product-categories', 'letter-signing'] as const).map((c) =>
      payload.count({ collection: c, overrideAccess: true }).then((r) => r.totalDocs),
    ),
  )

beforeAll(async () => {
  // As the start script has them (scripts/lib/serviceKeys.ts): the village certificates are stored encrypted.
  setEnvironment({ DEMO_REGENCY: '1', NIK_ENCRYPTION_KEY: 'b'.repeat(64) })
  payload = await startPayload()
  await seed(payload, { contentDir, log: quiet })
  villages = (await payload.find({ collection: 'villages', sort: 'id', overrideAccess: true })).docs
}, 300_000)

// Seeding makes every picture's derivatives (AVIF included): minutes on a busy 2-core machine.
describe('the demo regency (DEMO_REGENCY=1)', { timeout: 300_000 }, () => {
  it('has three villages in two kecamatan, each named in its settings and served on its own host', async () => {
    expect(villages.map((v) => v.name)).toEqual(['Desa Sungai Lestari', 'Desa Sukamaju', 'Desa Batu Ampar'])
    expect(new Set(villages.map((v) => v.kecamatan))).toEqual(new Set(['Loa Sentosa', 'Tenggarong Seberang']))
    for (const village of villages) expect((await settingsOf(payload, village.id)).name).toBe(village.name)
    expect((await settingsOf(payload, villages[1].id, { locale: 'en' })).tagline).toMatch(/farmers' market/)
    expect(await villageForHost(payload, 'localhost:3000')).toMatchObject({ id: villages[0].id })
    expect(await villageForHost(payload, 'sukamaju.localhost:3000')).toMatchObject({ id: villages[1].id })
    expect(await villageForHost(payload, 'batu-ampar.localhost')).toMatchObject({ id: villages[2].id })
  })

  it('names the regency and its programme in both languages, its portal on kabupaten.localhost', async () => {
    const regency = await payload.findGlobal({ slug: 'regency', overrideAccess: true })
    expect(regency).toMatchObject({ name: 'Kabupaten Kutai Kartanegara', domains: [{ host: 'kabupaten.localhost' }] })
    expect(regency.introduction).toMatch(/Desa Digital/)
    expect((await payload.findGlobal({ slug: 'regency', locale: 'en', overrideAccess: true })).name).toBe('Kutai Kartanegara Regency')
  })

  it("shows each village only its own news and products, and every village the regency's services", async () => {
    const [first, sukamaju, batuAmpar] = villages
    expect(await shown(sukamaju, 'news')).toEqual(expect.arrayContaining(['Pasar Tani Sabtu Pagi Kini Menerima QRIS']))
    expect(await shown(sukamaju, 'news')).toHaveLength(2)
    expect(await shown(batuAmpar, 'products')).toEqual(expect.arrayContaining(['Ikan asin sepat', 'Kopi liberika bubuk']))
    expect(await shown(batuAmpar, 'products')).not.toContain('Keripik pisang kepok')
    expect(await shown(first, 'products')).not.toContain('Ikan asin sepat')
    expect((await shown(first, 'news')).length).toBeGreaterThan(2)
    for (const village of villages) expect(await shown(village, 'services')).toHaveLength(SERVICES)
  })

  it("gives the added villages, outside production, a head's certificate of their own (the first signs with the install's)", async () => {
    const holders = await Promise.all(
      villages.map(async (village) => {
        const where = { village: { equals: village.id } }
        return (await payload.find({ collection: 'letter-signing', where, overrideAccess: true })).docs.map((d) => d.holder)
      }),
    )
    expect(holders).toEqual([[], ['Kepala Desa Sukamaju'], ['Kepala Desa Batu Ampar']])
  })

  it('can run again without duplicating anything', async () => {
    const before = await counts()
    await seed(payload, { contentDir, log: quiet })
    expect(await counts()).toEqual(before)
  })
})
