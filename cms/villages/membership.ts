import type { CollectionBeforeChangeHook } from 'payload'
import { getUserTenantIDs } from '@payloadcms/plugin-multi-tenant/utilities'
import { villageInScope } from './resolve'

type Membership = { village: number }[]

/**
 * A new account belongs to a village: the one it is given, else the villages of the administrator who creates it,
 * else (the first account, a script) the village of the request or the install's only village.
 */
export const joinVillage: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || (Array.isArray(data.villages) && data.villages.length)) return data
  const creators = req.user ? getUserTenantIDs(req.user, { tenantsArrayFieldName: 'villages', tenantsArrayTenantFieldName: 'village' }) : []
  const village = creators.length ? null : await villageInScope(req.payload)
  const villages: Membership = creators.length ? creators.map((id) => ({ village: Number(id) })) : village ? [{ village: village.id }] : []
  return { ...data, villages }
}
