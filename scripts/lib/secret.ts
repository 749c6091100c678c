import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { config, setEnvironment } from '../../cms/lib/config'
import { dataDir } from '../../cms/lib/paths'
import { missingSecret } from '../../cms/lib/secret'

/**
 * Makes sure PAYLOAD_SECRET is set. An operator who declares NODE_ENV=production must provide it;
 * on a developer's machine `npm start` generates one once and keeps it in data/.secret.
 */
export const ensureSecret = () => {
  const { payloadSecret, production } = config()
  if (payloadSecret) return
  if (production) throw missingSecret()
  const file = path.join(dataDir(), '.secret')
  if (!existsSync(file)) {
    mkdirSync(dataDir(), { recursive: true })
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
    console.log(`No PAYLOAD_SECRET given: generated one in ${path.relative(process.cwd(), file)} (set PAYLOAD_SECRET in production).`)
  }
  setEnvironment({ PAYLOAD_SECRET: readFileSync(file, 'utf8').trim() })
}
