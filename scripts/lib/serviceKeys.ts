import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { config, setEnvironment } from '../../cms/lib/config'
import { dataDir } from '../../cms/lib/paths'
import { certificateOfP12, createVillageCa, issueHeadCertificate } from '../../cms/resident-services/certificates'
import { generateSigningKey } from '../../cms/resident-services/signing'
import { ConfigProblem } from './problem'

/**
 * The keys of resident services: NIK_ENCRYPTION_KEY (required in production), the website's letter record
 * key and the village head's certificate (without them the head cannot sign). On a developer's machine all
 * are generated once into data/: a village CA and the head's certificate under it as PKCS#12.
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
    if (production) {
      console.warn('No LETTER_SIGNING_KEY or LETTER_SIGNING_KEY_FILE: the village head cannot sign letters until one is set.')
    } else {
      const file = path.join(dataDir(), 'letter-signing-key.pem')
      if (!existsSync(file)) {
        mkdirSync(dataDir(), { recursive: true })
        writeFileSync(file, generateSigningKey('dev-1').privateKeyPem, { mode: 0o600 })
        console.log(`No letter signing key given: generated one in ${path.relative(process.cwd(), file)}.`)
      }
      setEnvironment({ LETTER_SIGNING_KEY_FILE: file, LETTER_SIGNING_KEY_ID: letterSigning.keyId ?? 'dev-1' })
    }
  }
  ensureHeadCertificate(production)
}

// Outside production the passphrase guards nothing (it would lie beside the file), so it is a fixed word.
const DEV_P12_PASSPHRASE = 'pengembangan'

const ensureHeadCertificate = (production: boolean) => {
  const signer = config().letterSigner
  if (signer.kind === 'unusable' && signer.noCertificate && !production) {
    const file = path.join(dataDir(), 'letter-signer.p12')
    if (!existsSync(file)) {
      mkdirSync(dataDir(), { recursive: true })
      const organization = 'Desa Digital (pengembangan)'
      const ca = createVillageCa(organization)
      const head = issueHeadCertificate(ca, { commonName: 'Kepala Desa', organization }, DEV_P12_PASSPHRASE)
      writeFileSync(path.join(dataDir(), 'letter-ca.pem'), ca.certificatePem)
      // Written whole, then renamed: servers starting at once never read half a file.
      writeFileSync(`${file}.${process.pid}`, head.p12, { mode: 0o600 })
      renameSync(`${file}.${process.pid}`, file)
      console.log(
        `No LETTER_SIGNING_P12_FILE given: generated a village CA and the head's certificate in ${path.relative(process.cwd(), file)}.`,
      )
    }
    setEnvironment({ LETTER_SIGNING_P12_FILE: file, LETTER_SIGNING_P12_PASSPHRASE: DEV_P12_PASSPHRASE })
  }
  const settings = config().letterSigner
  if (settings.kind === 'unusable') return console.warn(`The village head cannot sign letters: ${settings.problem}.`)
  if (settings.kind === 'local') {
    if (!existsSync(settings.p12File)) throw new ConfigProblem(`LETTER_SIGNING_P12_FILE: there is no file ${settings.p12File}.`)
    try {
      certificateOfP12(readFileSync(settings.p12File), settings.passphrase)
    } catch {
      throw new ConfigProblem(`LETTER_SIGNING_P12_FILE cannot be opened with LETTER_SIGNING_P12_PASSPHRASE: check both.`)
    }
  }
}
