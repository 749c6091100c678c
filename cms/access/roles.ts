import { idOf } from '../lib/relation'

export const ROLES = ['admin', 'editor', 'officer', 'head', 'producer', 'regency-admin', 'regency-viewer', 'district-viewer'] as const
export type Role = (typeof ROLES)[number]

/** The regency's roles, which only a regency administrator gives or takes: its administrator and its viewers. */
export const REGENCY_ROLES: readonly Role[] = ['regency-admin', 'regency-viewer', 'district-viewer']

/** The roles a person may have in one village (a row of their `villages`); the regency's are the account's only. */
export const VILLAGE_ROLES = ['admin', 'editor', 'officer', 'head', 'producer'] as const satisfies readonly Role[]
export type VillageRole = (typeof VILLAGE_ROLES)[number]

type VillageId = number | string
type Membership = { village?: VillageId | { id: VillageId } | null; role?: Role | null }
type MaybeUser = { role?: Role | null; villages?: Membership[] | null } | null | undefined

/** The regency's administrator: an administrator of every village of the install, who also adds villages. */
export const isRegencyAdministrator = (user: MaybeUser): boolean => user?.role === 'regency-admin'

const grants = (role: Role | null | undefined, roles: readonly Role[]) =>
  Boolean(role && (roles.includes(role) || (role === 'regency-admin' && roles.includes('admin'))))

/**
 * Whether the account's own role (the default of its villages) is one of the roles; a regency administrator has the
 * administrator's everywhere. What a person may do in a village is `hasRoleIn`'s, the villages where `villagesWithRole`'s.
 */
export const hasRole = (user: MaybeUser, ...roles: Role[]): boolean => grants(user?.role, roles)

const sameVillage = (a: VillageId | null, b: VillageId | null) => a !== null && b !== null && String(a) === String(b)

/**
 * The account's role in a village: its row's there, else the account's; none in a village it does not belong to. An
 * account of no village (an install's first account, a script's) has its own role; the regency's administrator theirs.
 */
export const roleIn = (user: MaybeUser, village: VillageId | { id: VillageId } | null | undefined): Role | null => {
  if (!user?.role) return null
  const rows = user.villages ?? []
  if (isRegencyAdministrator(user) || !rows.length) return user.role
  const row = rows.find((r) => sameVillage(idOf(r.village ?? null), idOf(village ?? null)))
  return row ? (row.role ?? user.role) : null
}

/** Whether the account has one of the roles in the village (a document's, the one picked in the admin). */
export const hasRoleIn = (user: MaybeUser, village: VillageId | { id: VillageId } | null | undefined, ...roles: Role[]): boolean =>
  grants(roleIn(user, village), roles)

/**
 * Where the account has one of the roles: in every village it belongs to (`true`), in none (`false`), or in some
 * (their ids). The regency's administrator is an administrator everywhere.
 */
export const villagesWithRole = (user: MaybeUser, ...roles: Role[]): boolean | VillageId[] => {
  if (!user?.role) return false
  const rows = user.villages ?? []
  if (isRegencyAdministrator(user) || !rows.length) return hasRole(user, ...roles)
  const ids = rows.filter((row) => grants(row.role ?? user.role, roles)).flatMap((row) => idOf(row.village ?? null) ?? [])
  if (ids.length === rows.length) return true
  return ids.length > 0 && ids
}

/** Whether the account has one of the roles in at least one of its villages. */
export const hasRoleSomewhere = (user: MaybeUser, ...roles: Role[]): boolean => villagesWithRole(user, ...roles) !== false

/**
 * Who reads the regency's statistics and nothing else: a regency viewer every village's, a district viewer those of
 * the villages of their kecamatan (`kecamatan` on the account).
 */
const STATISTICS_VIEWERS: readonly Role[] = ['regency-viewer', 'district-viewer']
export const isStatisticsViewer = (role: unknown): boolean => STATISTICS_VIEWERS.some((viewer) => viewer === role)
