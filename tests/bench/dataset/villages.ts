/**
 * Makes the benchmark's install a regency of three villages, for the `villages` suite: the dataset's village keeps
 * 127.0.0.1 and localhost, two more (each onboarded from it, with a producer, 50 products and 20 articles of its own)
 * answer on bench-dua.localhost and bench-tiga.localhost, and the bench's account becomes a regency administrator.
 * Run while the server runs: SQLite takes the writes in turn, and the server hears of the new villages.
 */
import { bootPayload } from '../../../scripts/lib/boot'
import { runMain } from '../../../scripts/lib/problem'
import { paragraph } from '../../support/richText'

const BENCH_VILLAGES = ['bench-dua', 'bench-tiga']

runMain(async () => {
  const payload = await bootPayload()
  const { inVillage } = await import('../../../cms/villages/current')
  const { oldestVillage } = await import('../../../cms/villages/firstVillage')
  const { makeRegencyAdministrator } = await import('../../../cms/villages/regency')
  const internal = { overrideAccess: true, context: { skipAudit: true }, depth: 0 } as const
  const first = await oldestVillage(payload)
  await payload.update({
    collection: 'villages',
    id: first.id,
    data: { domains: [{ host: '127.0.0.1' }, { host: 'localhost' }] },
    ...internal,
  })
  for (const [n, slug] of BENCH_VILLAGES.entries()) {
    const village = await payload.create({
      collection: 'villages',
      data: { name: `Desa Bench ${n + 2}`, slug, status: 'active', domains: [{ host: `${slug}.localhost` }] },
      ...internal,
    })
    await inVillage({ id: village.id, slug }, async () => {
      const [category] = (
        await payload.find({ collection: 'product-categories', where: { village: { equals: village.id } }, limit: 1, ...internal })
      ).docs
      const producer = await payload.create({
        collection: 'producers',
        data: { name: `Produsen ${slug}`, slug: `produsen-${slug}`, kind: 'umkm' },
        ...internal,
      })
      for (let i = 0; i < 50; i++)
        await payload.create({
          collection: 'products',
          data: {
            title: `Produk ${slug} ${i + 1}`,
            slug: `produk-${slug}-${i + 1}`,
            status: 'active',
            producer: producer.id,
            category: category.id,
            trackStock: true,
            variants: [{ label: '250 g', sku: `${slug}-${i}`, price: 25_000, stock: 50, weight: 250 }],
          },
          ...internal,
        })
      for (let i = 0; i < 20; i++)
        await payload.create({
          collection: 'news',
          data: {
            title: `Kabar ${slug} ${i + 1}`,
            slug: `kabar-${slug}-${i + 1}`,
            body: paragraph(`Kabar dari ${slug}.`),
            publishedAt: new Date().toISOString(),
            _status: 'published',
          },
          ...internal,
        })
    })
    console.log(`[dataset] village ${slug}: 50 products, 20 articles`)
  }
  await makeRegencyAdministrator(payload, 'bench@desa.test')
  process.exit(0)
})
