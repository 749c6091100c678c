import path from 'node:path'
import { z } from 'zod'
import { parseDatabaseUrl, type DatabaseTarget } from './database'
import { rootDir } from './paths'
import { ConfigProblem } from './problem'
import { parseTrustedProxies, type ProxyTrust } from './trustedProxies'

/**
 * Every setting of the process, read from the environment in this one module (README, "Settings").
 * `config()` parses the environment on first use and again only after `setEnvironment` changed it: the
 * start script generates secrets into the environment before Payload boots, and tests set their own.
 * The admin (Next.js) and the site (Astro) bundle this module separately; both read the environment at run
 * time, never at build time, and see the same changes (the generation counter lives on `globalThis`).
 */
/** How letters are signed: here with the head's PKCS#12, or by a remote TTE service; `problem` names what to set. */
export type LetterSignerSettings =
  | { kind: 'local'; p12File: string; passphrase: string }
  /** `head`: the first village's head at the TTE service (LETTER_TTE_NIK, LETTER_TTE_PASSPHRASE); other villages give their own. */
  | { kind: 'tte'; url: string; username: string; password: string; head?: { nik: string; passphrase: string } }
  /** `noCertificate`: no PKCS#12 was given, which outside production the start script generates (scripts/lib/serviceKeys.ts). */
  | { kind: 'unusable'; problem: string; noCertificate?: true }

export type Config = {
  /** NODE_ENV=production: secrets are required and admin cookies are Secure. */
  production: boolean
  /** NODE_ENV=development (`next dev` under `npm run dev`): Payload keeps cms/payload-types.ts in step with the config. */
  development: boolean
  /** DESA_BUILD=1 while `next build` and `astro build` run: they need no secrets. */
  building: boolean
  /** PUBLIC_URL: the address visitors use (behind a TLS proxy, the https one); links, emails and feeds use it. */
  publicUrl: URL | undefined
  /** Whether cookies are marked Secure: in production, unless PUBLIC_URL says the site is served over plain http (a LAN). */
  secureCookies: boolean
  port: number
  /** HOST as given; the production server listens on all interfaces without it, `astro dev` on localhost. */
  host: string | undefined
  /** Where `npm run dev` runs the admin (`next dev`) behind the site's dev server. */
  adminDevPort: number
  /** PAYLOAD_SECRET as given; `payloadSecret()` (cms/lib/secret.ts) decides what signs when it is missing. */
  payloadSecret: string | undefined
  database: DatabaseTarget
  /** Whether Payload pushes schema changes in development (only the admin's process does, see scripts/dev.ts). */
  pushSchema: boolean
  mediaDir: string
  /** Residents' uploads and issued letters: never served publicly. */
  privateDir: string
  /**
   * S3-compatible object storage (S3_BUCKET and the rest), instead of MEDIA_DIR and PRIVATE_DIR: public files in
   * `bucket` (served by this server at /media/, read with these credentials: the bucket need not be public), residents'
   * documents, letters and receipts in `privateBucket`, which nothing serves but the access-checked routes.
   */
  objectStorage: ObjectStorage | undefined
  meilisearch: { host: string; apiKey: string | undefined } | undefined
  /**
   * Stripe (cards): the platform's secret key, the signing secret of its webhook endpoint and, for villages that take
   * cards on their own connected account (Stripe Connect, direct charges), the signing secret of the Connect endpoint
   * (STRIPE_CONNECT_WEBHOOK_SECRET), whose events name that account; STRIPE_API_URL points the SDK at a local fake (tests).
   */
  stripe: {
    secretKey: string | undefined
    webhookSecret: string | undefined
    connectWebhookSecret: string | undefined
    apiUrl: URL | undefined
  }
  /**
   * Xendit (QRIS, virtual accounts, e-wallets): on when XENDIT_SECRET_KEY and XENDIT_CALLBACK_TOKEN are set (the
   * callback token is how Xendit's callbacks prove where they come from); XENDIT_API_URL is the SDK's base URL
   * (tests point it at a local fake).
   */
  xendit: { secretKey: string; callbackToken: string; apiUrl: string } | undefined
  /**
   * SMTP_URL, and EMAIL_FROM as an address and an optional name ("Kantor Desa <desa@example.id>"): without a
   * name, mail goes out under the village's name from the settings.
   */
  email: { smtpUrl: string | undefined; from: Sender }
  /**
   * The WhatsApp Business Cloud API: on when WHATSAPP_TOKEN and WHATSAPP_PHONE_NUMBER_ID are set; WHATSAPP_API_URL
   * is another address for it (a local test server), WHATSAPP_API_VERSION the Graph API version in the path.
   */
  whatsapp: { token: string; phoneNumberId: string; apiUrl: URL; apiVersion: string } | undefined
  /** The 32-byte AES key that encrypts NIK, from 64 hex characters or base64. */
  nikKey: Buffer | undefined
  letterSigning: { key: string | undefined; keyFile: string | undefined; keyId: string | undefined; verifyKeysFile: string | undefined }
  /**
   * LETTER_SIGNER=local (default) signs here with the head's PKCS#12 (LETTER_SIGNING_P12_FILE,
   * LETTER_SIGNING_P12_PASSPHRASE); LETTER_SIGNER=tte sends the PDF to a remote signing service of the BSrE kind
   * (LETTER_TTE_URL, LETTER_TTE_USERNAME, LETTER_TTE_PASSWORD, LETTER_TTE_NIK, LETTER_TTE_PASSPHRASE).
   */
  letterSigner: LetterSignerSettings
  /** Days after completion before residents' documents are deleted. */
  retentionDays: number
  /**
   * What residents may store, in bytes: SERVICE_UPLOAD_LIMIT_MB per request (default 25) and
   * PRIVATE_STORAGE_LIMIT_MB for the whole private folder (default 5000).
   */
  storageLimits: { perRequest: number; total: number }
  /** PAGE_CACHE_MB: the bytes the server's page cache may hold, pages as rendered and as compressed (default 64 MB). */
  pageCacheBytes: number
  /**
   * TRUSTED_PROXIES: the reverse proxies whose forwarding header names the client (none by default: the TCP
   * peer is the client); TRUSTED_PROXY_HEADER: the header they set, x-forwarded-for (default) or forwarded.
   */
  trustedProxies: ProxyTrust
  /**
   * The shop's limits against hoarding: how many units one cart line and one order may take, and how long stock
   * waits for a manual payment. An unverified order (no receipt yet, cash not yet confirmed by staff) is held
   * briefly; a receipt extends the hold while staff check it, and staff packing an order stop its clock.
   */
  shop: { maxUnitsPerLine: number; maxUnitsPerOrder: number; unverifiedHoldMinutes: number; proofHoldHours: number }
  jobs: {
    /** RUN_JOBS=false keeps this instance from running background jobs (each job runs once, whichever instances run them). */
    run: boolean
    /** Under `npm run dev` the site's process runs the queued jobs (scripts/dev.ts). */
    inSiteProcess: boolean
  }
  /** Set by vitest: tests run jobs themselves, a background timer would race their assertions. */
  underTest: boolean
  /** RATE_LIMIT_OFF=1 (tests and benchmarks only): the load comes from one address. */
  rateLimitOff: boolean
  /** AUDIT_REQUIRED=1: `npm run audit` fails when the advisory service cannot be reached. */
  auditRequired: boolean
  /** DEMO_REGENCY=1: the demo is a small regency (three villages in two kecamatan) instead of one village. */
  demoRegency: boolean
}

export type ObjectStorage = {
  bucket: string
  privateBucket: string
  /** S3_ENDPOINT: another service than AWS (MinIO, R2, a local test server); AWS's own endpoint without it. */
  endpoint: string | undefined
  region: string
  /** Without keys the SDK's own chain (an instance role, AWS_* variables) signs. */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined
  /** S3_FORCE_PATH_STYLE: bucket names in the path (`endpoint/bucket/key`), as most S3-compatible services need. */
  forcePathStyle: boolean
}

/** Who mail comes from: the address, and the name EMAIL_FROM gives (else the village's). */
export type Sender = { name: string | undefined; address: string }

/** "desa@example.id", or "Kantor Desa <desa@example.id>" (the name may be in quotes). */
const parseSender = (raw: string): Sender | undefined => {
  const named = /^\s*(?:"((?:[^"\\]|\\.)*)"|([^<>"]*?))\s*<([^<>\s]+)>\s*$/.exec(raw)
  const name = named ? (named[1]?.replace(/\\(.)/g, '$1') ?? named[2]).trim() || undefined : undefined
  const address = named ? named[3] : raw.trim()
  return /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+$/.test(address) ? { name, address } : undefined
}

const given = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined)
const text = z.preprocess(given, z.string().optional())

type Issue = { addIssue: (issue: { code: 'custom'; message: string }) => void }
const refuse = (ctx: Issue, message: string) => {
  ctx.addIssue({ code: 'custom', message })
  return z.NEVER
}

const onOff = (name: string, fallback: boolean) =>
  text.transform((raw, ctx) => {
    if (raw === undefined) return fallback
    if (/^(true|1)$/i.test(raw)) return true
    if (/^(false|0)$/i.test(raw)) return false
    return refuse(ctx, `${name} "${raw}" is not understood: use true or false.`)
  })

const port = (name: string, fallback: number) =>
  text.transform((raw, ctx) => {
    if (raw === undefined) return fallback
    const value = Number(raw)
    return Number.isInteger(value) && value >= 1 && value <= 65535
      ? value
      : refuse(ctx, `${name} "${raw}" is not a port number: use a whole number from 1 to 65535.`)
  })

const isWebAddress = (raw: string) => URL.canParse(raw) && ['http:', 'https:'].includes(new URL(raw).protocol)
const webAddressText = (name: string, example: string) =>
  text.transform((raw, ctx) =>
    raw === undefined || isWebAddress(raw) ? raw : refuse(ctx, `${name} "${raw}" is not a web address: write it like ${example}.`),
  )
const webAddress = (name: string, example: string) =>
  webAddressText(name, example).transform((raw) => (raw === undefined ? undefined : new URL(raw)))

const MB = 1024 * 1024
const atLeastOne = (name: string, fallback: number, unit: string, scale = 1) =>
  text.transform((raw, ctx) => {
    if (raw === undefined) return fallback * scale
    const value = Number(raw)
    return Number.isInteger(value) && value >= 1
      ? value * scale
      : refuse(ctx, `${name} "${raw}" is not ${unit}: use a whole number, at least 1.`)
  })

const directory = (fallback: string) => text.transform((raw) => path.resolve(/* turbopackIgnore: true */ rootDir(), raw ?? fallback))

type SignerVariables = Partial<
  Record<
    | 'LETTER_SIGNER'
    | 'LETTER_SIGNING_P12_FILE'
    | 'LETTER_SIGNING_P12_PASSPHRASE'
    | 'LETTER_TTE_URL'
    | 'LETTER_TTE_USERNAME'
    | 'LETTER_TTE_PASSWORD'
    | 'LETTER_TTE_NIK'
    | 'LETTER_TTE_PASSPHRASE',
    string
  >
>

const letterSignerOf = (env: SignerVariables): LetterSignerSettings => {
  const kind = env.LETTER_SIGNER ?? 'local'
  if (kind === 'tte') {
    const { LETTER_TTE_URL: url, LETTER_TTE_NIK: nik, LETTER_TTE_PASSPHRASE: passphrase } = env
    if (!url) return { kind: 'unusable', problem: 'LETTER_SIGNER=tte needs LETTER_TTE_URL' }
    if (Boolean(nik) !== Boolean(passphrase))
      return {
        kind: 'unusable',
        problem: 'LETTER_TTE_NIK and LETTER_TTE_PASSPHRASE go together (or neither, for villages that give their own)',
      }
    const service = { url, username: env.LETTER_TTE_USERNAME ?? '', password: env.LETTER_TTE_PASSWORD ?? '' }
    return { kind, ...service, ...(nik && passphrase && { head: { nik, passphrase } }) }
  }
  if (kind !== 'local') return { kind: 'unusable', problem: `LETTER_SIGNER must be local or tte, not "${kind}"` }
  if (!env.LETTER_SIGNING_P12_FILE) return { kind: 'unusable', problem: 'LETTER_SIGNING_P12_FILE is not set', noCertificate: true }
  return { kind, p12File: env.LETTER_SIGNING_P12_FILE, passphrase: env.LETTER_SIGNING_P12_PASSPHRASE ?? '' }
}

const whatsappOf = (env: {
  WHATSAPP_TOKEN?: string
  WHATSAPP_PHONE_NUMBER_ID?: string
  WHATSAPP_API_URL?: URL
  WHATSAPP_API_VERSION: string
}): Config['whatsapp'] =>
  env.WHATSAPP_TOKEN && env.WHATSAPP_PHONE_NUMBER_ID
    ? {
        token: env.WHATSAPP_TOKEN,
        phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID,
        apiUrl: env.WHATSAPP_API_URL ?? new URL('https://graph.facebook.com'),
        apiVersion: env.WHATSAPP_API_VERSION,
      }
    : undefined

const objectStorageOf = (env: {
  S3_BUCKET?: string
  S3_PRIVATE_BUCKET?: string
  S3_ENDPOINT?: string
  S3_REGION?: string
  S3_ACCESS_KEY_ID?: string
  S3_SECRET_ACCESS_KEY?: string
  S3_FORCE_PATH_STYLE: boolean
}): ObjectStorage | undefined =>
  env.S3_BUCKET && env.S3_PRIVATE_BUCKET
    ? {
        bucket: env.S3_BUCKET,
        privateBucket: env.S3_PRIVATE_BUCKET,
        endpoint: env.S3_ENDPOINT,
        region: env.S3_REGION ?? 'us-east-1',
        credentials:
          env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
            ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
            : undefined,
        forcePathStyle: env.S3_FORCE_PATH_STYLE,
      }
    : undefined

const schema = z
  .object({
    NODE_ENV: text,
    DESA_BUILD: text,
    PUBLIC_URL: webAddress('PUBLIC_URL', 'https://desa.example.id').transform((url, ctx) =>
      url && url.pathname !== '/'
        ? refuse(
            ctx,
            `PUBLIC_URL "${url.href}" has a path: give only the site's address, like ${url.origin} (the site is served from the root).`,
          )
        : url,
    ),
    PORT: port('PORT', 3000),
    HOST: text,
    ADMIN_DEV_PORT: port('ADMIN_DEV_PORT', 3001),
    PAYLOAD_SECRET: text,
    DATABASE_URL: z
      .string()
      .optional()
      .transform((raw, ctx) => {
        try {
          return parseDatabaseUrl(raw)
        } catch (err) {
          if (err instanceof ConfigProblem) return refuse(ctx, err.message)
          throw err
        }
      }),
    PAYLOAD_PUSH_SCHEMA: onOff('PAYLOAD_PUSH_SCHEMA', true),
    MEDIA_DIR: directory('data/media'),
    PRIVATE_DIR: directory('data/private'),
    S3_BUCKET: text,
    S3_PRIVATE_BUCKET: text,
    S3_ENDPOINT: webAddressText('S3_ENDPOINT', 'https://s3.ap-southeast-3.amazonaws.com'),
    S3_REGION: text,
    S3_ACCESS_KEY_ID: text,
    S3_SECRET_ACCESS_KEY: text,
    S3_FORCE_PATH_STYLE: onOff('S3_FORCE_PATH_STYLE', false),
    MEILISEARCH_HOST: webAddressText('MEILISEARCH_HOST', 'http://127.0.0.1:7700'),
    MEILISEARCH_API_KEY: text,
    STRIPE_SECRET_KEY: text,
    STRIPE_WEBHOOK_SECRET: text,
    STRIPE_CONNECT_WEBHOOK_SECRET: text,
    STRIPE_API_URL: webAddress('STRIPE_API_URL', 'http://127.0.0.1:12111'),
    XENDIT_SECRET_KEY: text,
    XENDIT_CALLBACK_TOKEN: text,
    XENDIT_API_URL: webAddressText('XENDIT_API_URL', 'https://api.xendit.co'),
    SMTP_URL: text.transform((raw, ctx) =>
      raw === undefined || /^smtps?:\/\/[^/\s]+/.test(raw)
        ? raw
        : refuse(ctx, 'SMTP_URL is not understood: write it like smtp://user:password@mail.example.id:587 (or smtps://).'),
    ),
    EMAIL_FROM: text.transform(
      (raw, ctx) =>
        parseSender(raw ?? 'desa@localhost') ??
        refuse(ctx, `EMAIL_FROM "${raw}" is not an email address: write it like desa@example.id or Kantor Desa <desa@example.id>.`),
    ),
    WHATSAPP_TOKEN: text,
    WHATSAPP_PHONE_NUMBER_ID: text.transform((raw, ctx) =>
      raw === undefined || /^\d+$/.test(raw)
        ? raw
        : refuse(
            ctx,
            `WHATSAPP_PHONE_NUMBER_ID "${raw}" is not a phone number ID: copy the number's ID (digits) from the WhatsApp Manager.`,
          ),
    ),
    WHATSAPP_API_URL: webAddress('WHATSAPP_API_URL', 'https://graph.facebook.com'),
    WHATSAPP_API_VERSION: text.transform((raw, ctx) =>
      raw === undefined || /^v\d+\.\d+$/.test(raw)
        ? (raw ?? 'v23.0')
        : refuse(ctx, `WHATSAPP_API_VERSION "${raw}" is not a Graph API version: write it like v23.0.`),
    ),
    NIK_ENCRYPTION_KEY: text.transform((raw, ctx) => {
      if (raw === undefined) return undefined
      const bytes = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64')
      return bytes.length === 32
        ? bytes
        : refuse(ctx, 'NIK_ENCRYPTION_KEY must be 32 bytes, as 64 hex characters or base64 (`openssl rand -hex 32`).')
    }),
    LETTER_SIGNING_KEY: text,
    LETTER_SIGNING_KEY_FILE: text,
    LETTER_SIGNING_KEY_ID: text,
    LETTER_VERIFY_KEYS_FILE: text,
    LETTER_SIGNER: text,
    LETTER_SIGNING_P12_FILE: text,
    LETTER_SIGNING_P12_PASSPHRASE: text,
    LETTER_TTE_URL: webAddressText('LETTER_TTE_URL', 'https://tte.example.id/api/sign/pdf'),
    LETTER_TTE_USERNAME: text,
    LETTER_TTE_PASSWORD: text,
    LETTER_TTE_NIK: text,
    LETTER_TTE_PASSPHRASE: text,
    SERVICE_ATTACHMENT_RETENTION_DAYS: atLeastOne('SERVICE_ATTACHMENT_RETENTION_DAYS', 30, 'a number of days'),
    SHOP_MAX_UNITS_PER_LINE: atLeastOne('SHOP_MAX_UNITS_PER_LINE', 20, 'a number of units'),
    SHOP_MAX_UNITS_PER_ORDER: atLeastOne('SHOP_MAX_UNITS_PER_ORDER', 50, 'a number of units'),
    SHOP_UNVERIFIED_HOLD_MINUTES: atLeastOne('SHOP_UNVERIFIED_HOLD_MINUTES', 120, 'a number of minutes'),
    SHOP_PROOF_HOLD_HOURS: atLeastOne('SHOP_PROOF_HOLD_HOURS', 24, 'a number of hours'),
    SERVICE_UPLOAD_LIMIT_MB: atLeastOne('SERVICE_UPLOAD_LIMIT_MB', 25, 'a number of megabytes', MB),
    PRIVATE_STORAGE_LIMIT_MB: atLeastOne('PRIVATE_STORAGE_LIMIT_MB', 5000, 'a number of megabytes', MB),
    PAGE_CACHE_MB: atLeastOne('PAGE_CACHE_MB', 64, 'a number of megabytes', MB),
    TRUSTED_PROXIES: text.transform((raw, ctx) => {
      try {
        return parseTrustedProxies(raw)
      } catch (err) {
        if (err instanceof ConfigProblem) return refuse(ctx, err.message)
        throw err
      }
    }),
    TRUSTED_PROXY_HEADER: text.transform((raw, ctx) => {
      const header = raw?.toLowerCase() ?? 'x-forwarded-for'
      return header === 'x-forwarded-for' || header === 'forwarded'
        ? header
        : refuse(ctx, `TRUSTED_PROXY_HEADER "${raw}" is not understood: use x-forwarded-for (the default) or forwarded.`)
    }),
    RUN_JOBS: onOff('RUN_JOBS', true),
    DESA_SITE_RUNS_JOBS: onOff('DESA_SITE_RUNS_JOBS', false),
    VITEST: onOff('VITEST', false),
    RATE_LIMIT_OFF: onOff('RATE_LIMIT_OFF', false),
    AUDIT_REQUIRED: onOff('AUDIT_REQUIRED', false),
    DEMO_REGENCY: onOff('DEMO_REGENCY', false),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.WHATSAPP_TOKEN) !== Boolean(env.WHATSAPP_PHONE_NUMBER_ID))
      refuse(ctx, 'WhatsApp needs both WHATSAPP_TOKEN and WHATSAPP_PHONE_NUMBER_ID (or neither, to leave it off).')
    if (env.S3_BUCKET && !env.S3_PRIVATE_BUCKET)
      refuse(ctx, `S3_BUCKET needs S3_PRIVATE_BUCKET too: residents' documents, letters and receipts go to a bucket of their own.`)
    if (env.S3_PRIVATE_BUCKET && !env.S3_BUCKET) refuse(ctx, 'S3_PRIVATE_BUCKET needs S3_BUCKET too (the bucket of the public media).')
    if (env.S3_BUCKET && env.S3_BUCKET === env.S3_PRIVATE_BUCKET)
      refuse(ctx, `S3_PRIVATE_BUCKET must be another bucket than S3_BUCKET: everything in S3_BUCKET is served at /media.`)
    if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY))
      refuse(ctx, 'Object storage needs both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY (or neither, to use the instance role).')
    if (!env.S3_BUCKET && (env.S3_ENDPOINT || env.S3_ACCESS_KEY_ID))
      refuse(ctx, 'S3_ENDPOINT and S3_ACCESS_KEY_ID are set but S3_BUCKET is not: name the buckets, or leave every S3_ setting empty.')
    if (Boolean(env.XENDIT_SECRET_KEY) !== Boolean(env.XENDIT_CALLBACK_TOKEN))
      refuse(ctx, 'Xendit needs both XENDIT_SECRET_KEY and XENDIT_CALLBACK_TOKEN (or neither, to leave it off).')
  })
  .transform((env): Config => {
    const production = env.NODE_ENV === 'production'
    return {
      production,
      development: env.NODE_ENV === 'development',
      building: env.DESA_BUILD === '1',
      publicUrl: env.PUBLIC_URL,
      secureCookies: production && env.PUBLIC_URL?.protocol !== 'http:',
      port: env.PORT,
      host: env.HOST,
      adminDevPort: env.ADMIN_DEV_PORT,
      payloadSecret: env.PAYLOAD_SECRET,
      database: env.DATABASE_URL,
      pushSchema: env.PAYLOAD_PUSH_SCHEMA,
      mediaDir: env.MEDIA_DIR,
      privateDir: env.PRIVATE_DIR,
      objectStorage: objectStorageOf(env),
      meilisearch: env.MEILISEARCH_HOST ? { host: env.MEILISEARCH_HOST, apiKey: env.MEILISEARCH_API_KEY } : undefined,
      stripe: {
        secretKey: env.STRIPE_SECRET_KEY,
        webhookSecret: env.STRIPE_WEBHOOK_SECRET,
        connectWebhookSecret: env.STRIPE_CONNECT_WEBHOOK_SECRET,
        apiUrl: env.STRIPE_API_URL,
      },
      xendit:
        env.XENDIT_SECRET_KEY && env.XENDIT_CALLBACK_TOKEN
          ? {
              secretKey: env.XENDIT_SECRET_KEY,
              callbackToken: env.XENDIT_CALLBACK_TOKEN,
              apiUrl: (env.XENDIT_API_URL ?? 'https://api.xendit.co').replace(/\/+$/, ''),
            }
          : undefined,
      email: { smtpUrl: env.SMTP_URL, from: env.EMAIL_FROM },
      whatsapp: whatsappOf(env),
      nikKey: env.NIK_ENCRYPTION_KEY,
      letterSigning: {
        key: env.LETTER_SIGNING_KEY,
        keyFile: env.LETTER_SIGNING_KEY_FILE,
        keyId: env.LETTER_SIGNING_KEY_ID,
        verifyKeysFile: env.LETTER_VERIFY_KEYS_FILE,
      },
      letterSigner: letterSignerOf(env),
      retentionDays: env.SERVICE_ATTACHMENT_RETENTION_DAYS,
      storageLimits: { perRequest: env.SERVICE_UPLOAD_LIMIT_MB, total: env.PRIVATE_STORAGE_LIMIT_MB },
      pageCacheBytes: env.PAGE_CACHE_MB,
      trustedProxies: { ...env.TRUSTED_PROXIES, header: env.TRUSTED_PROXY_HEADER },
      shop: {
        maxUnitsPerLine: env.SHOP_MAX_UNITS_PER_LINE,
        maxUnitsPerOrder: env.SHOP_MAX_UNITS_PER_ORDER,
        unverifiedHoldMinutes: env.SHOP_UNVERIFIED_HOLD_MINUTES,
        proofHoldHours: env.SHOP_PROOF_HOLD_HOURS,
      },
      jobs: { run: env.RUN_JOBS, inSiteProcess: env.DESA_SITE_RUNS_JOBS },
      underTest: env.VITEST,
      rateLimitOff: env.RATE_LIMIT_OFF,
      auditRequired: env.AUDIT_REQUIRED,
      demoRegency: env.DEMO_REGENCY,
    }
  })

/** The settings in an environment; a bad value is a ConfigProblem saying what to fix, one sentence per setting. */
export const parseEnvironment = (env: Record<string, string | undefined>): Config => {
  const result = schema.safeParse(env)
  if (!result.success) throw new ConfigProblem(result.error.issues.map((issue) => issue.message).join(' '))
  return result.data
}

const GENERATION = Symbol.for('desa.config.generation')
type Holder = { [GENERATION]?: number }
let parsed: { generation: number; config: Config } | undefined

/** This process's settings. */
export const config = (): Config => {
  const generation = (globalThis as Holder)[GENERATION] ?? 0
  if (parsed?.generation !== generation) parsed = { generation, config: parseEnvironment(process.env) }
  return parsed.config
}

/**
 * Changes environment variables of this process (and of the programs it starts); `undefined` removes one.
 * The next `config()`, in every bundle of the process, reads them again.
 */
export const setEnvironment = (values: Record<string, string | undefined>) => {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  const holder = globalThis as Holder
  holder[GENERATION] = (holder[GENERATION] ?? 0) + 1
}

/** Sets the variables among `values` that the environment does not give. */
export const setEnvironmentDefaults = (values: Record<string, string>) =>
  setEnvironment(Object.fromEntries(Object.entries(values).filter(([name]) => given(process.env[name]) === undefined)))

/** The environment for a program this one starts: this process's, with `values` on top. */
export const childEnvironment = (values: Record<string, string>): NodeJS.ProcessEnv => ({ ...process.env, ...values })
