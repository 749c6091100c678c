import { ValidationError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'
import { getUserTenantIDs } from '@payloadcms/plugin-multi-tenant/utilities'
import { hasRoleIn, isRegencyAdministrator, villagesWithRole } from '../access/roles'
import { idOf } from '../lib/relation'
import { localize } from '../messages'
import { villageInScope } from './resolve'

/** Where an account lists its villages: the `villages` array of rows with a `village` (cms/plugins/villages.ts). */
export const MEMBERSHIP = { arrayFieldName: 'villages', arrayTenantFieldName: 'village' } as const

type User = NonNullable<PayloadRequest['user']>

/** The ids of the villages a signed-in account belongs to. */
export const villagesOf = (user: User) =>
  getUserTenantIDs(user, { tenantsArrayFieldName: MEMBERSHIP.arrayFieldName, tenantsArrayTenantFieldName: MEMBERSHIP.arrayTenantFieldName })

/** The ids of the villages of which the account is an administrator. */
const administeredBy = (user: User) => {
  const reach = villagesWithRole(user, 'admin')
  return Array.isArray(reach) ? reach : reach ? villagesOf(user) : []
}

/**
 * A new account belongs to a village: the one it is given, else the villages the administrator who creates it
 * administers, else (the first account, a script) the village of the request or the install's only village.
 */
export const joinVillage: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || (Array.isArray(data.villages) && data.villages.length)) return data
  const creators = req.user ? administeredBy(req.user) : []
  if (creators.length) return { ...data, villages: creators.map((id) => ({ village: Number(id) })) }
  const village = await villageInScope(req.payload)
  return { ...data, villages: village ? [{ village: village.id }] : [] }
}

type Row = { village?: number | { id: number } | null; role?: string | null }

/** A row as it grants: its village and its role there (none: the account's). */
const grantOf = (row: Row) => `${idOf(row.village ?? null)}:${row.role ?? ''}`

/**
 * A village's administrator adds, changes or removes an account's rows (its villages and roles there) only in the
 * villages they administer; the regency's administrators in every village. The rows' roles are the village's own
 * (the select's options): a regency role is given on the account only (cms/collections/Users.ts).
 */
export const keepRowsToTheirVillages: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (!req.user || isRegencyAdministrator(req.user) || !Array.isArray(data.villages)) return data
  const before: Row[] = originalDoc?.villages ?? []
  const after: Row[] = data.villages
  const kept = (rows: Row[], others: Row[]) => rows.filter((row) => !others.some((other) => grantOf(other) === grantOf(row)))
  const touched = [...kept(after, before), ...kept(before, after)]
  if (touched.every((row) => hasRoleIn(req.user, row.village, 'admin'))) return data
  throw new ValidationError({
    collection: 'users',
    errors: [{ path: 'villages', message: localize(req, { code: 'role.otherVillage' }) }],
    req,
  })
}
