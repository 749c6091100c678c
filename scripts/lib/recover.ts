import type { Payload } from 'payload'
import { recoverPlacingOrders } from '../../cms/shop/orders'
import { recoverIncompleteRequests } from '../../cms/resident-services/requests'
import { atomicStore } from '../../cms/instances/atomicStore'
import { instanceId } from '../../cms/instances/identity'

/**
 * At start, before serving: checkouts and submissions that a dead instance left half-written (it was killed)
 * are undone: the stock their orders took goes back, and neither the orders nor the requests remain. Only those
 * of instances whose lease ran out (or that hold none): the other instances on the database may be writing theirs
 * right now. A server restarted at its address undoes its predecessor's at once; what another instance killed less
 * than a lease ago left is undone by the minute job (cms/shop/jobs.ts) or the next start.
 */
export const recoverInterruptedWrites = async (payload: Payload) => {
  const now = new Date()
  const store = atomicStore(payload)
  // This instance has written nothing yet: rows under its name are its predecessor's at this address (identity.ts).
  const alive = (await store.liveInstances(now.getTime())).filter((instance) => instance !== instanceId())
  const orders = await recoverPlacingOrders(payload, now, alive)
  const requests = await recoverIncompleteRequests(payload, now, alive)
  await store.dropExpiredLeases(now.getTime())
  if (orders + requests > 0)
    console.log(`Recovered from an interrupted run: ${orders} unfinished checkout(s) and ${requests} unfinished request(s) undone.`)
}
