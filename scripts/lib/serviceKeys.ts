import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { config, setEnvironment } from '../../cms/lib/config'
import { dataDir } from '../../cms/lib/paths'
import { generateSigningKey } from '../../cms/resident-services/signing'
import { ConfigProblem } from './problem'

/**
 * The keys of resident services: NIK_ENCRYPTION_KEY (required in production) and the letter signing key
 * (without one the head cannot sign). On a developer's machine both are generated once into data/.
 */
export const ensureServiceKeys = () => {
  const { production, nikKey, letterSigning } = config()
  if (!nikKey) {
    if (production)
      throw new ConfigProblem(
        'NIK_ENCRYPTION_KEY is not set: set it to 32 random bytes in hex (`openssl rand -hex 32`) before starting in production.',
      )
    const file = path.join(dataDir(), '.nik-key')
    if (!existsSync(file)) {
      mkdirSync(dataDir(), { recursive: true })
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
      console.log(`No NIK_ENCRYPTION_KEY given: generated one in ${path.relative(process.cwd(), file)} (set it in production).`)
    }
    setEnvironment({ NIK_ENCRYPTION_KEY: readFileSync(file, 'utf8').trim() })
  }
  if (!letterSigning.key && !letterSigning.keyFile) {
    if (production)
      return console.warn('No LETTER_SIGNING_KEY or LETTER_SIGNING_KEY_FILE: the village head cannot sign letters until one is set.')
    const file = path.join(dataDir(), 'letter-signing-key.pem')
    if (!existsSync(file)) {
      mkdirSync(dataDir(), { recursive: true })
      writeFileSync(file, generateSigningKey('dev-1').privateKeyPem, { mode: 0o600 })
      console.log(`No letter signing key given: generated one in ${path.relative(process.cwd(), file)}.`)
    }
    setEnvironment({ LETTER_SIGNING_KEY_FILE: file, LETTER_SIGNING_KEY_ID: letterSigning.keyId ?? 'dev-1' })
  }
}
