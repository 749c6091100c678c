import { config } from './config'
import { ConfigProblem } from './problem'

export const missingSecret = () =>
  new ConfigProblem(
    'PAYLOAD_SECRET is not set: set it to a long random string (e.g. `openssl rand -hex 32`) before starting in production.',
  )

/**
 * PAYLOAD_SECRET signs sessions, carts and letter download links. Production refuses to start without one
 * (`npm start` on a developer's machine generates one, see scripts/lib/secret.ts); builds never use it.
 */
export const payloadSecret = (): string => {
  const { payloadSecret, production, building } = config()
  if (payloadSecret) return payloadSecret
  if (production && !building) throw missingSecret()
  return 'desa-digital-development-only'
}
