import type { Payload } from 'payload'
import { recoverPlacingOrders } from '../../cms/shop/orders'
import { recoverIncompleteRequests } from '../../cms/resident-services/requests'

/**
 * At start, before serving: checkouts and submissions that the previous process left half-written (it was
 * killed) are undone: the stock their orders took goes back, and neither the orders nor the requests remain.
 * Everything begun before now belongs to a dead process (one server writes to the database).
 */
export const recoverInterruptedWrites = async (payload: Payload) => {
  const now = new Date()
  const orders = await recoverPlacingOrders(payload, now)
  const requests = await recoverIncompleteRequests(payload, now)
  if (orders + requests > 0)
    console.log(`Recovered from an interrupted run: ${orders} unfinished checkout(s) and ${requests} unfinished request(s) undone.`)
}
