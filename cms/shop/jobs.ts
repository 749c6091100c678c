import type { TaskConfig } from 'payload'
import { expireReservations, recoverPlacingOrders } from './orders'

/** A checkout takes well under a second; an order still being placed after this was cut off. */
const PLACING_GRACE_MS = 2 * 60_000

/**
 * Every minute: orders still unpaid when their reservation runs out expire, and their stock goes back;
 * orders a failed checkout left half-placed give back what they took.
 */
export const releaseExpiredReservationsTask: TaskConfig = {
  slug: 'releaseExpiredReservations',
  label: 'Release expired stock reservations',
  schedule: [{ cron: '0 * * * * *', queue: 'shop' }],
  outputSchema: [
    { name: 'expired', type: 'number' },
    { name: 'recovered', type: 'number' },
  ],
  handler: async ({ req }) => ({
    output: {
      expired: await expireReservations(req.payload),
      recovered: await recoverPlacingOrders(req.payload, new Date(Date.now() - PLACING_GRACE_MS)),
    },
  }),
}
