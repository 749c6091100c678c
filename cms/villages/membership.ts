import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { getUserTenantIDs } from '@payloadcms/plugin-multi-tenant/utilities'
import { villageInScope } from './resolve'

/** Where an account lists its villages: the `villages` array of rows with a `village` (cms/plugins/villages.ts). */
export const MEMBERSHIP = { arrayFieldName: 'villages', arrayTenantFieldName: 'village' } as const

/** The ids of the villages a signed-in account belongs to. */
export const villagesOf = (user: NonNullable<PayloadRequest['user']>) =>
  getUserTenantIDs(user, { tenantsArrayFieldName: MEMBERSHIP.arrayFieldName, tenantsArrayTenantFieldName: MEMBERSHIP.arrayTenantFieldName })

/**
 * A new account belongs to a village: the one it is given, else the villages of the administrator who creates it,
 * else (the first account, a script) the village of the request or the install's only village.
 */
export const joinVillage: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || (Array.isArray(data.villages) && data.villages.length)) return data
  const creators = req.user ? villagesOf(req.user) : []
  if (creators.length) return { ...data, villages: creators.map((id) => ({ village: Number(id) })) }
  const village = await villageInScope(req.payload)
  return { ...data, villages: village ? [{ village: village.id }] : [] }
}
