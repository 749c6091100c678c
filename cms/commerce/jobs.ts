import type { TaskConfig } from 'payload'
import { expireReservations } from './orders'

/** Every minute: orders still unpaid when their reservation runs out expire, and their stock goes back. */
export const releaseExpiredReservationsTask: TaskConfig = {
  slug: 'releaseExpiredReservations',
  label: 'Release expired stock reservations',
  schedule: [{ cron: '0 * * * * *', queue: 'shop' }],
  outputSchema: [{ name: 'expired', type: 'number' }],
  handler: async ({ req }) => ({ output: { expired: await expireReservations(req.payload) } }),
}
