import { L } from '../lib/localize'
import { serverState } from './serverState'

/**
 * One row per running app instance, renewed by its heartbeat (cms/instances/lease.ts). An instance whose lease
 * ran out is dead: what it left half-written may be undone (scripts/lib/recover.ts), nothing of a live one is.
 */
export const InstanceLeases = serverState({
  slug: 'instance-leases',
  labels: { singular: L('Sewa instans', 'Instance lease'), plural: L('Sewa instans', 'Instance leases') },
  fields: [
    { name: 'instance', type: 'text', required: true, unique: true, index: true, label: L('Instans', 'Instance') },
    // Milliseconds since the epoch.
    { name: 'expiresAt', type: 'number', required: true, index: true, label: L('Berakhir pada', 'Expires at') },
  ],
})
