import { ConfigProblem } from './database'

/**
 * PAYLOAD_SECRET signs sessions. Production refuses to start without one (`npm start` on a
 * developer's machine generates one, see scripts/lib/secret.ts); builds never use it.
 */
export const payloadSecret = (): string => {
  const secret = process.env.PAYLOAD_SECRET
  if (secret) return secret
  if (process.env.NODE_ENV === 'production' && process.env.DESA_BUILD !== '1') {
    throw new ConfigProblem(
      'PAYLOAD_SECRET is not set: set it to a long random string (e.g. `openssl rand -hex 32`) before starting in production.',
    )
  }
  return 'desa-digital-development-only'
}
