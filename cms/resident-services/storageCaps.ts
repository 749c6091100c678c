import type { Payload } from 'payload'
import { config } from '../lib/config'
import { atomicStore } from '../instances/atomicStore'
import type { ResidentServicesMessage } from './messages'
import { privateStorageUsed } from './privateFiles'

/** Why checked files cannot be stored now, with the HTTP status of the refusal. */
export type StorageRefusal = { message: ResidentServicesMessage; status: 413 | 507 }

const HOUR = 60 * 60 * 1000
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

/**
 * Whether `bytes` of checked files may be stored for `owner` (a submission, or a request a resident
 * completes): nothing is stored once the private folder holds PRIVATE_STORAGE_LIMIT_MB (507), and one owner
 * keeps at most SERVICE_UPLOAD_LIMIT_MB an hour (413). Files let in count toward the owner's hour.
 */
export const storageRefusal = async (payload: Payload, owner: string, bytes: number): Promise<StorageRefusal | null> => {
  const limits = config().storageLimits
  if ((await privateStorageUsed()) + bytes > limits.total) return { message: { code: 'storage.full' }, status: 507 }
  const key = `upload-bytes:${owner}`
  const counters = atomicStore(payload)
  const now = Date.now()
  const total = await counters.addToWindow(key, bytes, HOUR, now)
  if (total.count <= limits.perRequest) return null
  await counters.addToWindow(key, -bytes, HOUR, now)
  return { message: { code: 'storage.requestCap', params: { max: megabytes(limits.perRequest) } }, status: 413 }
}
