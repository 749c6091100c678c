import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { config, parseEnvironment, setEnvironment, setEnvironmentDefaults } from '../../cms/lib/config'
import { ConfigProblem } from '../../cms/lib/problem'
import { absoluteUrl, absoluteUrlOnHost, publicOrigin } from '../../cms/lib/urls'
import { inVillage } from '../../cms/villages/current'

const problem = (env: Record<string, string>) => {
  try {
    parseEnvironment(env)
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigProblem)
    return (err as Error).message
  }
  throw new Error('no problem reported')
}

describe('the settings', () => {
  it('have defaults for everything but the secrets', () => {
    const settings = parseEnvironment({})
    expect(settings).toMatchObject({
      production: false,
      development: false,
      publicUrl: undefined,
      port: 3000,
      host: undefined,
      database: { kind: 'sqlite', url: `file:${path.resolve('data/desa.db')}` },
      mediaDir: path.resolve('data/media'),
      privateDir: path.resolve('data/private'),
      meilisearch: undefined,
      email: { smtpUrl: undefined, from: { name: undefined, address: 'desa@localhost' } },
      whatsapp: undefined,
      retentionDays: 30,
      shop: { maxUnitsPerLine: 20, maxUnitsPerOrder: 50, unverifiedHoldMinutes: 120, proofHoldHours: 24 },
      jobs: { run: true, inSiteProcess: false },
      rateLimitOff: false,
      storageLimits: { perRequest: 25 * 1024 * 1024, total: 5000 * 1024 * 1024 },
      trustedProxies: { listed: [], header: 'x-forwarded-for' },
    })
  })

  it('treat an empty value as not set, as .env.example leaves them', () => {
    expect(parseEnvironment({ PUBLIC_URL: '', PORT: ' ', MEILISEARCH_HOST: '', RUN_JOBS: '' })).toMatchObject({
      publicUrl: undefined,
      port: 3000,
      meilisearch: undefined,
      jobs: { run: true },
    })
  })

  it('take PUBLIC_URL as the site origin, and refuse a path or something that is not a web address', () => {
    expect(parseEnvironment({ PUBLIC_URL: 'https://desa.example.id/' }).publicUrl?.origin).toBe('https://desa.example.id')
    expect(problem({ PUBLIC_URL: 'https://desa.example.id/portal' })).toBe(
      'PUBLIC_URL "https://desa.example.id/portal" has a path: give only the site\'s address, like https://desa.example.id (the site is served from the root).',
    )
    expect(problem({ PUBLIC_URL: 'desa.example.id' })).toBe(
      'PUBLIC_URL "desa.example.id" is not a web address: write it like https://desa.example.id.',
    )
  })

  it('say in one sentence per setting what to fix', () => {
    expect(problem({ PORT: 'http' })).toBe('PORT "http" is not a port number: use a whole number from 1 to 65535.')
    expect(problem({ RUN_JOBS: 'nanti' })).toBe('RUN_JOBS "nanti" is not understood: use true or false.')
    expect(problem({ SERVICE_ATTACHMENT_RETENTION_DAYS: 'sebulan' })).toBe(
      'SERVICE_ATTACHMENT_RETENTION_DAYS "sebulan" is not a number of days: use a whole number, at least 1.',
    )
    expect(problem({ NIK_ENCRYPTION_KEY: 'pendek' })).toBe(
      'NIK_ENCRYPTION_KEY must be 32 bytes, as 64 hex characters or base64 (`openssl rand -hex 32`).',
    )
    expect(problem({ SMTP_URL: 'mail.desa.id' })).toMatch(/^SMTP_URL is not understood: write it like smtp:\/\//)
    expect(problem({ DATABASE_URL: 'postgres://u:pw@db/desa' })).toMatch(/^DATABASE_URL "postgres:\/\/\*\*\*@db\/desa" is not understood/)
    expect(problem({ PORT: '0', RUN_JOBS: 'x' })).toBe(
      'PORT "0" is not a port number: use a whole number from 1 to 65535. RUN_JOBS "x" is not understood: use true or false.',
    )
  })

  it('take upload caps in whole megabytes and trusted proxies as addresses or ranges, refusing anything else', () => {
    expect(parseEnvironment({ SERVICE_UPLOAD_LIMIT_MB: '10', PRIVATE_STORAGE_LIMIT_MB: '200' }).storageLimits).toEqual({
      perRequest: 10 * 1024 * 1024,
      total: 200 * 1024 * 1024,
    })
    expect(problem({ SERVICE_UPLOAD_LIMIT_MB: '2,5' })).toBe(
      'SERVICE_UPLOAD_LIMIT_MB "2,5" is not a number of megabytes: use a whole number, at least 1.',
    )
    expect(problem({ PRIVATE_STORAGE_LIMIT_MB: '0' })).toMatch(/^PRIVATE_STORAGE_LIMIT_MB "0" is not a number of megabytes/)
    const proxies = parseEnvironment({ TRUSTED_PROXIES: '10.0.0.0/8, 2001:db8::/32', TRUSTED_PROXY_HEADER: 'Forwarded' }).trustedProxies
    expect(proxies).toMatchObject({ listed: ['10.0.0.0/8', '2001:db8::/32'], header: 'forwarded' })
    expect(proxies.proxies.check('10.1.2.3', 'ipv4')).toBe(true)
    expect(proxies.proxies.check('192.0.2.1', 'ipv4')).toBe(false)
    expect(problem({ TRUSTED_PROXIES: 'proxy.local' })).toBe(
      'TRUSTED_PROXIES has "proxy.local", which is not an IP address or CIDR range: list your proxies like "10.0.0.0/8, 2001:db8::/32, 127.0.0.1".',
    )
    expect(problem({ TRUSTED_PROXY_HEADER: 'x-real-ip' })).toBe(
      'TRUSTED_PROXY_HEADER "x-real-ip" is not understood: use x-forwarded-for (the default) or forwarded.',
    )
  })

  it("take the shop's limits against hoarding as whole numbers of at least 1", () => {
    const limits = {
      SHOP_MAX_UNITS_PER_LINE: '3',
      SHOP_MAX_UNITS_PER_ORDER: '5',
      SHOP_UNVERIFIED_HOLD_MINUTES: '1',
      SHOP_PROOF_HOLD_HOURS: '48',
    }
    expect(parseEnvironment(limits).shop).toEqual({ maxUnitsPerLine: 3, maxUnitsPerOrder: 5, unverifiedHoldMinutes: 1, proofHoldHours: 48 })
    expect(problem({ SHOP_MAX_UNITS_PER_LINE: '0' })).toBe(
      'SHOP_MAX_UNITS_PER_LINE "0" is not a number of units: use a whole number, at least 1.',
    )
    expect(problem({ SHOP_UNVERIFIED_HOLD_MINUTES: '1.5' })).toBe(
      'SHOP_UNVERIFIED_HOLD_MINUTES "1.5" is not a number of minutes: use a whole number, at least 1.',
    )
    expect(problem({ SHOP_PROOF_HOLD_HOURS: 'sehari' })).toBe(
      'SHOP_PROOF_HOLD_HOURS "sehari" is not a number of hours: use a whole number, at least 1.',
    )
  })

  it('read switches as true or false', () => {
    expect(parseEnvironment({ RUN_JOBS: 'false', RATE_LIMIT_OFF: '1', DESA_SITE_RUNS_JOBS: 'TRUE' })).toMatchObject({
      jobs: { run: false, inSiteProcess: true },
      rateLimitOff: true,
    })
  })

  it('mark cookies Secure in production unless PUBLIC_URL is plain http, for the admin and the cart alike', () => {
    expect(parseEnvironment({ NODE_ENV: 'production' }).secureCookies).toBe(true)
    expect(parseEnvironment({ NODE_ENV: 'production', PUBLIC_URL: 'https://desa.example.id' }).secureCookies).toBe(true)
    expect(parseEnvironment({ NODE_ENV: 'production', PUBLIC_URL: 'http://192.168.1.10:3000' }).secureCookies).toBe(false)
    expect(parseEnvironment({ PUBLIC_URL: 'https://desa.example.id' }).secureCookies).toBe(false)
  })

  it('keep the generated Payload types in step with the config only in development, not in tests or scripts', () => {
    expect(parseEnvironment({ NODE_ENV: 'development' }).development).toBe(true)
    for (const NODE_ENV of ['test', 'production', undefined]) expect(parseEnvironment({ NODE_ENV }).development).toBe(false)
  })

  it('read EMAIL_FROM as an address with an optional name, and refuse what is no address', () => {
    expect(parseEnvironment({ EMAIL_FROM: 'desa@example.id' }).email.from).toEqual({ name: undefined, address: 'desa@example.id' })
    expect(parseEnvironment({ EMAIL_FROM: 'Kantor Desa <desa@example.id>' }).email.from).toEqual({
      name: 'Kantor Desa',
      address: 'desa@example.id',
    })
    expect(parseEnvironment({ EMAIL_FROM: '"Desa Sungai, Lestari" <desa@example.id>' }).email.from).toEqual({
      name: 'Desa Sungai, Lestari',
      address: 'desa@example.id',
    })
    for (const bad of ['Kantor Desa', 'Kantor Desa <desa example.id>', 'desa@example.id, kades@example.id', '<>'])
      expect(problem({ EMAIL_FROM: bad })).toBe(
        `EMAIL_FROM "${bad}" is not an email address: write it like desa@example.id or Kantor Desa <desa@example.id>.`,
      )
  })

  it('turn WhatsApp on with a token and a phone number ID, and refuse one without the other', () => {
    expect(parseEnvironment({ WHATSAPP_TOKEN: 'EAAG', WHATSAPP_PHONE_NUMBER_ID: '106540352242922' }).whatsapp).toEqual({
      token: 'EAAG',
      phoneNumberId: '106540352242922',
      apiUrl: new URL('https://graph.facebook.com'),
      apiVersion: 'v23.0',
    })
    expect(
      parseEnvironment({
        WHATSAPP_TOKEN: 'EAAG',
        WHATSAPP_PHONE_NUMBER_ID: '1',
        WHATSAPP_API_URL: 'http://127.0.0.1:9',
        WHATSAPP_API_VERSION: 'v21.0',
      }).whatsapp,
    ).toMatchObject({ apiUrl: new URL('http://127.0.0.1:9'), apiVersion: 'v21.0' })
    expect(problem({ WHATSAPP_TOKEN: 'EAAG' })).toBe(
      'WhatsApp needs both WHATSAPP_TOKEN and WHATSAPP_PHONE_NUMBER_ID (or neither, to leave it off).',
    )
    expect(problem({ WHATSAPP_TOKEN: 'EAAG', WHATSAPP_PHONE_NUMBER_ID: '+62 812' })).toBe(
      'WHATSAPP_PHONE_NUMBER_ID "+62 812" is not a phone number ID: copy the number\'s ID (digits) from the WhatsApp Manager.',
    )
    expect(problem({ WHATSAPP_API_VERSION: '23' })).toBe('WHATSAPP_API_VERSION "23" is not a Graph API version: write it like v23.0.')
  })

  it("read the Connect endpoint's signing secret beside the platform endpoint's", () => {
    expect(parseEnvironment({}).stripe).toMatchObject({ webhookSecret: undefined, connectWebhookSecret: undefined })
    expect(
      parseEnvironment({ STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: 'whsec_a', STRIPE_CONNECT_WEBHOOK_SECRET: 'whsec_b' })
        .stripe,
    ).toMatchObject({ secretKey: 'sk_test_x', webhookSecret: 'whsec_a', connectWebhookSecret: 'whsec_b' })
  })

  it('turn Xendit on with a secret key and a callback token, and refuse one without the other', () => {
    expect(parseEnvironment({}).xendit).toBeUndefined()
    expect(parseEnvironment({ XENDIT_SECRET_KEY: 'xnd_production_x', XENDIT_CALLBACK_TOKEN: 'tok' }).xendit).toEqual({
      secretKey: 'xnd_production_x',
      callbackToken: 'tok',
      apiUrl: 'https://api.xendit.co',
    })
    expect(
      parseEnvironment({ XENDIT_SECRET_KEY: 'xnd_development_x', XENDIT_CALLBACK_TOKEN: 'tok', XENDIT_API_URL: 'http://127.0.0.1:9/' })
        .xendit?.apiUrl,
    ).toBe('http://127.0.0.1:9')
    expect(problem({ XENDIT_SECRET_KEY: 'xnd_production_x' })).toBe(
      'Xendit needs both XENDIT_SECRET_KEY and XENDIT_CALLBACK_TOKEN (or neither, to leave it off).',
    )
    expect(problem({ XENDIT_API_URL: 'api.xendit.co' })).toBe(
      'XENDIT_API_URL "api.xendit.co" is not a web address: write it like https://api.xendit.co.',
    )
  })

  it('decode the NIK key from hex or base64', () => {
    const key = Buffer.alloc(32, 7)
    expect(parseEnvironment({ NIK_ENCRYPTION_KEY: key.toString('hex') }).nikKey).toEqual(key)
    expect(parseEnvironment({ NIK_ENCRYPTION_KEY: key.toString('base64') }).nikKey).toEqual(key)
  })
})

describe('changing the environment', () => {
  afterEach(() => setEnvironment({ PUBLIC_URL: undefined, PORT: undefined }))

  it('is seen by the next config(), which otherwise keeps what it parsed', () => {
    setEnvironment({ PUBLIC_URL: 'https://desa.example.id' })
    expect(config().publicUrl?.origin).toBe('https://desa.example.id')
    expect(config()).toBe(config())
    setEnvironment({ PUBLIC_URL: undefined })
    expect(config().publicUrl).toBeUndefined()
  })

  it('with defaults, keeps what is already set', () => {
    setEnvironment({ PORT: '4000' })
    setEnvironmentDefaults({ PORT: '5000', PUBLIC_URL: 'https://desa.example.id' })
    expect(config().port).toBe(4000)
    expect(config().publicUrl?.origin).toBe('https://desa.example.id')
  })
})

describe('absolute public URLs', () => {
  afterEach(() => setEnvironment({ PUBLIC_URL: undefined, PORT: undefined }))

  it('use PUBLIC_URL, else the origin the request came to, else localhost and the port', () => {
    const request = new URL('http://192.168.1.10:3000/berita')
    setEnvironment({ PUBLIC_URL: 'https://desa.example.id', PORT: '8080' })
    expect(absoluteUrl('/berita/panen', request)).toBe('https://desa.example.id/berita/panen')
    setEnvironment({ PUBLIC_URL: undefined })
    expect(publicOrigin(request)).toBe('http://192.168.1.10:3000')
    expect(absoluteUrl('/layanan/lacak')).toBe('http://localhost:8080/layanan/lacak')
  })

  it('on another host of the install, keep the scheme and port of PUBLIC_URL, else http and the port', () => {
    setEnvironment({ PUBLIC_URL: 'https://desa.example.id', PORT: '8080' })
    expect(absoluteUrlOnHost('sukamaju.example.id', '/admin')).toBe('https://sukamaju.example.id/admin')
    setEnvironment({ PUBLIC_URL: 'http://192.168.1.10:3000' })
    expect(absoluteUrlOnHost('sukamaju.lan', '/admin')).toBe('http://sukamaju.lan:3000/admin')
    setEnvironment({ PUBLIC_URL: undefined })
    expect(absoluteUrlOnHost('sukamaju.localhost', '/admin/reset/abc')).toBe('http://sukamaju.localhost:8080/admin/reset/abc')
  })

  it('in a village that lists its site domains, point to the first of them, whatever host the request came to', () => {
    setEnvironment({ PUBLIC_URL: 'https://kabupaten.example.id', PORT: '8080' })
    const request = new URL('https://kabupaten.example.id/berita')
    const sukamaju = { id: 2, slug: 'sukamaju', host: 'sukamaju.example.id' }
    expect(inVillage(sukamaju, () => absoluteUrl('/layanan/lacak', request))).toBe('https://sukamaju.example.id/layanan/lacak')
    expect(inVillage({ id: 1, slug: 'desa' }, () => absoluteUrl('/berita', request))).toBe('https://kabupaten.example.id/berita')
  })
})
