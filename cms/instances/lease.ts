import type { Payload } from 'payload'
import { atomicStore } from './atomicStore'
import { instanceId } from './identity'

/** How long a lease lasts without renewal; an instance that missed three renewals is taken for dead. */
export const LEASE_MS = 15_000
const RENEW_MS = 5_000

/**
 * Holds this instance's lease while it runs: written before it serves, renewed every few seconds, ended on a
 * clean stop. A renewal that fails (the database busy) is tried again at the next beat. Returns the stop function.
 */
export const holdLease = async (payload: Payload) => {
  const store = atomicStore(payload)
  const renew = () => store.renewLease(instanceId(), Date.now() + LEASE_MS)
  await renew()
  const timer = setInterval(() => renew().catch((err: unknown) => console.error('Could not renew the instance lease:', err)), RENEW_MS)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await store.endLease(instanceId())
  }
}

/** The instances alive now: what they are writing must be left alone. */
export const liveInstances = (payload: Payload) => atomicStore(payload).liveInstances(Date.now())
