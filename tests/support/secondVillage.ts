import { spawn } from 'node:child_process'
import type { Payload } from 'payload'
import { paragraph } from './richText'
import { productionEnv, dataEnv } from './server'

/** The hosts of the two villages once the second is added. */
export const FIRST_HOST = 'desa.localhost'
export const SECOND_HOST = 'sukamaju.localhost'
export const SECOND_ARTICLE = 'Panen raya padi Sukamaju'
/** The regency portal's host, where a village without a domain of its own lives under /desa/<slug>/. */
export const REGENCY_HOST = 'kabupaten.localhost'
/** An article the regency publishes to every village, written in the demo village. */
export const REGENCY_ARTICLE = 'Musrenbang kabupaten dibuka'

/** Payload on the data folder of the environment, as the command-line tools start it. */
const boot = async () => (await import('../../scripts/lib/boot')).bootPayload()

/** The demo village gets the host FIRST_HOST, as an install that is to serve several villages starts. */
const giveFirstHost = async (payload: Payload) => {
  const [first] = (await payload.find({ collection: 'villages', overrideAccess: true })).docs
  await payload.update({ collection: 'villages', id: first.id, data: { domains: [{ host: FIRST_HOST }] }, overrideAccess: true })
}

/**
 * Run as a program on a stopped server's data folder: the demo village gets the host FIRST_HOST, and a second
 * village (Sukamaju, on SECOND_HOST) is added with one published article and one profile page, through Payload's
 * local API as a regency's script would.
 */
const addSecondVillage = async () => {
  const payload = await boot()
  await giveFirstHost(payload)
  const second = await payload.create({
    collection: 'villages',
    data: { name: 'Sukamaju', slug: 'sukamaju', kecamatan: 'Waru', status: 'active', domains: [{ host: SECOND_HOST }] },
    overrideAccess: true,
  })
  await payload.create({
    collection: 'news',
    data: {
      title: SECOND_ARTICLE,
      slug: 'panen-raya',
      body: paragraph('Panen raya di Sukamaju.'),
      _status: 'published',
      village: second.id,
    },
    overrideAccess: true,
  })
  await payload.create({
    collection: 'pages',
    data: {
      title: 'Sejarah Sukamaju',
      slug: 'sejarah-sukamaju',
      blocks: [{ blockType: 'content', body: paragraph('Sukamaju berdiri pada 1952.') }],
      _status: 'published',
      village: second.id,
    },
    overrideAccess: true,
  })
  await payload.destroy()
}

/** Run as a program on a stopped server's data folder: only the demo village's host is set (FIRST_HOST). */
const onlyGiveFirstHost = async () => {
  const payload = await boot()
  await giveFirstHost(payload)
  await payload.destroy()
}

/**
 * Run as a program on a stopped server's data folder: the regency's host is REGENCY_HOST, the demo village has no
 * domain of its own, and the regency publishes REGENCY_ARTICLE to every village.
 */
const moveFirstToRegencyHost = async () => {
  const payload = await boot()
  await payload.updateGlobal({
    slug: 'regency',
    data: { name: 'Kabupaten Kutai Kartanegara', domains: [{ host: REGENCY_HOST }] },
    overrideAccess: true,
  })
  const first = await payload.find({ collection: 'villages', where: { slug: { equals: 'desa' } }, overrideAccess: true })
  await payload.update({ collection: 'villages', id: first.docs[0].id, data: { domains: [] }, overrideAccess: true })
  await payload.create({
    collection: 'news',
    data: {
      title: REGENCY_ARTICLE,
      slug: 'musrenbang-kabupaten',
      body: paragraph('Musyawarah perencanaan pembangunan kabupaten dibuka untuk semua desa.'),
      _status: 'published',
      forEveryVillage: true,
      village: first.docs[0].id,
    },
    overrideAccess: true,
  })
  await payload.destroy()
}

/** Run as a program on a stopped server's data folder: the regency's statistics counted, as the server's job counts them. */
const countStatistics = async () => {
  const payload = await boot()
  const { refreshVillageStatistics } = await import('../../cms/regency/statistics')
  await refreshVillageStatistics(payload)
  await payload.destroy()
}

/** Runs this file as a program on the data folder `dir` (its server stopped), doing `task`. */
const onDataFolder = (dir: string, task: '--add' | '--first-host' | '--regency-host' | '--count') =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/secondVillage.ts', task], {
      env: productionEnv({ ...dataEnv(dir), PAYLOAD_SECRET: 'e2e-test-secret' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${task} on ${dir} failed (${code}):\n${output}`))))
  })

/** Adds the second village to the data folder `dir` (its server stopped). */
export const withSecondVillage = (dir: string) => onDataFolder(dir, '--add')

/** Gives the demo village of the data folder `dir` (its server stopped) the host FIRST_HOST. */
export const withFirstHost = (dir: string) => onDataFolder(dir, '--first-host')

/** Serves the demo village of the data folder `dir` (its server stopped, the second village added) on REGENCY_HOST under /desa/desa/. */
export const withFirstOnRegencyHost = (dir: string) => onDataFolder(dir, '--regency-host')

/** Counts the villages' statistics of the data folder `dir` (its server stopped), without waiting for the job. */
export const withStatisticsCounted = (dir: string) => onDataFolder(dir, '--count')

if (process.argv.includes('--add')) await addSecondVillage()
if (process.argv.includes('--regency-host')) await moveFirstToRegencyHost()
if (process.argv.includes('--count')) await countStatistics()
if (process.argv.includes('--first-host')) await onlyGiveFirstHost()
