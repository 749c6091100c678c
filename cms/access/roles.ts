export const ROLES = ['admin', 'editor', 'officer', 'head', 'producer'] as const
export type Role = (typeof ROLES)[number]

type MaybeUser = { role?: Role | null } | null | undefined

export const hasRole = (user: MaybeUser, ...roles: Role[]): boolean => Boolean(user?.role && roles.includes(user.role))
