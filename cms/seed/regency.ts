import path from 'node:path'
import type { Payload } from 'payload'
import { config } from '../lib/config'
import type { Setting, Village } from '../payload-types'
import { createVillageCa, issueHeadCertificate } from '../resident-services/certificates'
import { inVillage } from '../villages/current'
import { oldestVillage } from '../villages/firstVillage'
import { settingsOf } from '../villages/settings'
import { readJson, type SeedContext } from './context'
import { localizeTree } from './localizeTree'
import { seedNews } from './news'
import { seedServices } from './services'
import { seedShop } from './shop'

/** A village of content/regency/regency.json; its news and shop are in content/regency/<slug>/, as the first village's are. */
type RegencyVillage = Pick<Village, 'slug' | 'name' | 'code' | 'kecamatan' | 'kabupaten'> & {
  domains: string[]
  settings: Record<string, unknown>
}
/** The regency itself: its name and programme in both languages, and the host its portal answers on. */
type Bilingual = { id: string; en: string }
type RegencyPortal = { name: Bilingual; introduction: Bilingual; domains: string[] }
type Regency = { regency: RegencyPortal; firstVillageDomains: string[]; villages: RegencyVillage[] }

const asDomains = (hosts: string[]) => hosts.map((host) => ({ host }))

/** A village's record by slug, added as a regency administrator would (its settings come with it). */
const ensureVillage = async (payload: Payload, village: RegencyVillage) => {
  const { docs } = await payload.find({ collection: 'villages', where: { slug: { equals: village.slug } }, limit: 1, overrideAccess: true })
  const { slug, name, code, kecamatan, kabupaten, domains } = village
  return (
    docs[0] ??
    payload.create({
      collection: 'villages',
      data: { slug, name, code, kecamatan, kabupaten, domains: asDomains(domains), status: 'active' },
      overrideAccess: true,
    })
  )
}

/** The village's identity and contacts in both languages, edited as its administrator does on its settings page. */
const describeVillage = async (payload: Payload, record: Village, village: RegencyVillage) => {
  const { id } = await settingsOf(payload, record.id, { depth: 0 })
  const identity = { name: village.name, villageCode: village.code, kecamatan: village.kecamatan, kabupaten: village.kabupaten }
  for (const locale of ['id', 'en'] as const) {
    const data = { ...localizeTree(village.settings, locale), ...identity } as Partial<Setting>
    await payload.update({ collection: 'settings', id, data, locale, overrideAccess: true })
  }
}

// As for the install's own certificate outside production (scripts/lib/serviceKeys.ts): the passphrase guards nothing.
const DEMO_PASSPHRASE = 'pengembangan'

/** Outside production, the village head's certificate from a village CA of its own, so the demo signs its letters. */
const installDemoCertificate = async (payload: Payload, record: Village) => {
  if (config().production) return
  const { totalDocs } = await payload.count({
    collection: 'letter-signing',
    where: { village: { equals: record.id } },
    overrideAccess: true,
  })
  if (totalDocs) return
  const organization = `${record.name} (pengembangan)`
  const head = issueHeadCertificate(createVillageCa(organization), { commonName: `Kepala ${record.name}`, organization }, DEMO_PASSPHRASE)
  await payload.create({
    collection: 'letter-signing',
    data: { certificateFile: head.p12.toString('base64'), passphrase: DEMO_PASSPHRASE, village: record.id },
    overrideAccess: true,
  })
}

/** The regency's name, programme and portal host, as its administrator sets them (the `regency` global). */
const describeRegency = async (payload: Payload, { name, introduction, domains }: RegencyPortal) => {
  await payload.updateGlobal({
    slug: 'regency',
    locale: 'id',
    data: { name: name.id, introduction: introduction.id, domains: asDomains(domains) },
    overrideAccess: true,
  })
  await payload.updateGlobal({
    slug: 'regency',
    locale: 'en',
    data: { name: name.en, introduction: introduction.en },
    overrideAccess: true,
  })
}

/**
 * DEMO_REGENCY=1: the demo village and two more villages in two kecamatan (content/regency/), each with its own name,
 * contacts, news, producers and products, and the catalogue of services of content/services. The first village keeps
 * localhost, so the demo opens where it always did; the others answer on their own *.localhost names and, outside
 * production, sign their letters with a generated certificate of their own. The regency's portal answers on its own
 * host (`kabupaten.localhost`).
 */
export const seedRegency = async (context: SeedContext) => {
  const { payload, contentDir, log } = context
  const regency = readJson<Regency>(path.join(contentDir, 'regency', 'regency.json'))
  const first = await oldestVillage(payload)
  const own = (await payload.findByID({ collection: 'villages', id: first.id, depth: 0, overrideAccess: true })).domains ?? []
  const hosts = [...new Set([...own.map((d) => d.host), ...regency.firstVillageDomains])]
  await payload.update({ collection: 'villages', id: first.id, data: { domains: asDomains(hosts) }, overrideAccess: true })
  for (const village of regency.villages) {
    const record = await ensureVillage(payload, village)
    await inVillage({ id: record.id, slug: record.slug }, async () => {
      await describeVillage(payload, record, village)
      const own = { ...context, contentDir: path.join(contentDir, 'regency', village.slug) }
      await seedNews(own)
      await seedShop(own)
      await seedServices(context)
      await installDemoCertificate(payload, record)
    })
    log(`regency: ${village.name} (${village.kecamatan}) on ${village.domains.join(', ')}`)
  }
  await describeRegency(payload, regency.regency)
  log(`regency: portal on ${regency.regency.domains.join(', ')}`)
}
