export const ROLES = ['admin', 'editor', 'officer', 'head', 'producer', 'regency-admin', 'regency-viewer', 'district-viewer'] as const
export type Role = (typeof ROLES)[number]

/** The regency's roles, which only a regency administrator gives or takes: its administrator and its viewers. */
export const REGENCY_ROLES: readonly Role[] = ['regency-admin', 'regency-viewer', 'district-viewer']

type MaybeUser = { role?: Role | null } | null | undefined

/** The regency's administrator: an administrator of every village of the install, who also adds villages. */
export const isRegencyAdministrator = (user: MaybeUser): boolean => user?.role === 'regency-admin'

/** Whether the account has one of the roles; a regency administrator has the administrator's everywhere. */
export const hasRole = (user: MaybeUser, ...roles: Role[]): boolean =>
  Boolean(user?.role && (roles.includes(user.role) || (isRegencyAdministrator(user) && roles.includes('admin'))))

/**
 * Who reads the regency's statistics and nothing else: a regency viewer every village's, a district viewer those of
 * the villages of their kecamatan (`kecamatan` on the account).
 */
const STATISTICS_VIEWERS: readonly Role[] = ['regency-viewer', 'district-viewer']
export const isStatisticsViewer = (role: unknown): boolean => STATISTICS_VIEWERS.some((viewer) => viewer === role)
