export const ROLES = ['admin', 'editor', 'officer', 'head', 'producer', 'regency-admin'] as const
export type Role = (typeof ROLES)[number]

type MaybeUser = { role?: Role | null } | null | undefined

/** The regency's administrator: an administrator of every village of the install, who also adds villages. */
export const isRegencyAdministrator = (user: MaybeUser): boolean => user?.role === 'regency-admin'

/** Whether the account has one of the roles; a regency administrator has the administrator's everywhere. */
export const hasRole = (user: MaybeUser, ...roles: Role[]): boolean =>
  Boolean(user?.role && (roles.includes(user.role) || (isRegencyAdministrator(user) && roles.includes('admin'))))
