import { spawn } from 'node:child_process'
import { paragraph } from './richText'
import { productionEnv, dataEnv } from './server'

/** The hosts of the two villages once the second is added. */
export const FIRST_HOST = 'desa.localhost'
export const SECOND_HOST = 'sukamaju.localhost'
export const SECOND_ARTICLE = 'Panen raya padi Sukamaju'

/**
 * Run as a program on a stopped server's data folder: the demo village gets the host FIRST_HOST, and a second
 * village (Sukamaju, on SECOND_HOST) is added with one published article and one profile page, through Payload's
 * local API as a regency's script would.
 */
const addSecondVillage = async () => {
  const { bootPayload } = await import('../../scripts/lib/boot')
  const payload = await bootPayload()
  const [first] = (await payload.find({ collection: 'villages', overrideAccess: true })).docs
  await payload.update({ collection: 'villages', id: first.id, data: { domains: [{ host: FIRST_HOST }] }, overrideAccess: true })
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

/** Adds the second village to the data folder `dir` (its server stopped). */
export const withSecondVillage = (dir: string) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/secondVillage.ts', '--add'], {
      env: productionEnv({ ...dataEnv(dir), PAYLOAD_SECRET: 'e2e-test-secret' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Adding the second village failed (${code}):\n${output}`))))
  })

if (process.argv.includes('--add')) await addSecondVillage()
