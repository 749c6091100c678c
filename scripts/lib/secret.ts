import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { dataDir } from '../../cms/lib/paths'
import { ConfigProblem } from './problem'

/**
 * Makes sure PAYLOAD_SECRET is set. An operator who declares NODE_ENV=production must provide it;
 * on a developer's machine `npm start` generates one once and keeps it in data/.secret.
 */
export const ensureSecret = () => {
  if (process.env.PAYLOAD_SECRET) return
  if (process.env.NODE_ENV === 'production') {
    throw new ConfigProblem(
      'PAYLOAD_SECRET is not set: set it to a long random string (e.g. `openssl rand -hex 32`) before starting in production.',
    )
  }
  const file = path.join(dataDir(), '.secret')
  if (!existsSync(file)) {
    mkdirSync(dataDir(), { recursive: true })
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
    console.log(`No PAYLOAD_SECRET given: generated one in ${path.relative(process.cwd(), file)} (set PAYLOAD_SECRET in production).`)
  }
  process.env.PAYLOAD_SECRET = readFileSync(file, 'utf8').trim()
}
