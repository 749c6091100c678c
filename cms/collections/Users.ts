import {
  ValidationError,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  type CollectionBeforeValidateHook,
  type CollectionConfig,
} from 'payload'
import { canChangeAccount, hasRole, isAdmin, isAdminField, isAdminNotSelf, isAdminOrSelf, isRegencyAdministrator, ROLES } from '../access'
import { forgetLoginFailures, throttleLogin } from '../auth/loginThrottle'
import { passwordProblem } from '../auth/password'
import { findResetTokenHashed, storeResetTokenHashed } from '../auth/resetTokens'
import { config } from '../lib/config'
import { L } from '../lib/localize'
import { localize } from '../messages'
import { emailLanguageField } from '../fields/emailLanguage'

const roleLabels = {
  admin: L('Administrator', 'Administrator'),
  editor: L('Tim media (editor)', 'Media team (editor)'),
  officer: L('Petugas layanan', 'Service officer'),
  head: L('Kepala desa', 'Village head'),
  producer: L('Produsen (penjual)', 'Producer (seller)'),
  'regency-admin': L('Administrator kabupaten (semua desa)', 'Regency administrator (every village)'),
} as const

/** A new or changed password must follow the password rules (cms/auth/password.ts). */
const checkPassword: CollectionBeforeValidateHook = ({ data, originalDoc, req }) => {
  if (typeof data?.password !== 'string') return data
  const problem = passwordProblem(data.password, String(data.email ?? originalDoc?.email ?? ''))
  if (problem) throw new ValidationError({ collection: 'users', errors: [{ path: 'password', message: localize(req, problem) }], req })
  return data
}

/** Payload's password reset (a link from the email) runs no validation hooks: the rules are checked before it. */
const checkResetPassword: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'resetPassword') return args
  const { password, token } = (args.data ?? {}) as { password?: unknown; token?: unknown }
  if (typeof password !== 'string') return args
  const user =
    typeof token === 'string'
      ? await req.payload.db.findOne<{ id: number; email?: string }>({
          collection: 'users',
          where: { resetPasswordToken: { equals: token } },
          req,
        })
      : null
  const problem = passwordProblem(password, String(user?.email ?? ''))
  if (problem) throw new ValidationError({ collection: 'users', errors: [{ path: 'password', message: localize(req, problem) }], req })
  return args
}

/** Only the regency's administrators make or unmake one of them (a village's administrator cannot rise above the village). */
const keepTheRegencyRole: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const before = originalDoc?.role
  const after = data.role ?? before
  if (before === after || (before !== 'regency-admin' && after !== 'regency-admin')) return data
  if (!req.user || isRegencyAdministrator(req.user)) return data
  throw new ValidationError({ collection: 'users', errors: [{ path: 'role', message: localize(req, { code: 'role.regencyOnly' }) }], req })
}

/** Someone must always be able to manage accounts (the first-user screen is closed once an account exists). */
const keepAnAdministrator: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  // A regency administrator is an administrator too (of every village).
  if (operation !== 'update' || !hasRole(originalDoc, 'admin') || !data.role || hasRole({ role: data.role }, 'admin')) return data
  const others = await req.payload.count({
    collection: 'users',
    where: { and: [{ role: { in: ['admin', 'regency-admin'] } }, { id: { not_equals: originalDoc.id } }] },
    overrideAccess: true,
    req,
  })
  if (others.totalDocs === 0) {
    throw new ValidationError({
      collection: 'users',
      errors: [{ path: 'role', message: localize(req, { code: 'account.lastAdmin' }) }],
      req,
    })
  }
  return data
}

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: L('Pengguna', 'User'), plural: L('Pengguna', 'Users') },
  auth: {
    tokenExpiration: 60 * 60 * 8,
    // No account lock (anyone could keep an account locked): cms/auth/loginThrottle.ts slows down guessing instead.
    maxLoginAttempts: 0,
    // Payload's cookie is always httpOnly. Secure in production (browsers also keep Secure cookies on
    // http://localhost and 127.0.0.1), unless PUBLIC_URL says the site is served over plain http (a LAN).
    cookies: { sameSite: 'Lax', secure: config().secureCookies },
  },
  admin: {
    // Names, not addresses, where an account is shown: "By", the audit log, the document-lock notice.
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role'],
    group: L('Pengaturan', 'Settings'),
  },
  access: {
    // Payload's first-user screen creates the first account without these checks.
    create: isAdmin,
    read: isAdminOrSelf,
    update: canChangeAccount,
    delete: isAdminNotSelf,
    unlock: isAdmin,
  },
  hooks: {
    beforeOperation: [throttleLogin, findResetTokenHashed, checkResetPassword],
    afterLogin: [forgetLoginFailures],
    beforeValidate: [checkPassword],
    beforeChange: [
      storeResetTokenHashed,
      keepTheRegencyRole,
      keepAnAdministrator,
      async ({ req, operation, data }) => {
        if (operation !== 'create') return data
        const { totalDocs } = await req.payload.count({ collection: 'users', req })
        return totalDocs === 0 ? { ...data, role: 'admin' } : data
      },
    ],
  },
  fields: [
    { name: 'name', type: 'text', required: true, label: L('Nama', 'Name') },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'editor',
      saveToJWT: true,
      label: L('Peran', 'Role'),
      options: ROLES.map((value) => ({ value, label: roleLabels[value] })),
      access: { create: isAdminField, update: isAdminField },
      admin: {
        // The first account (no one signed in yet) always becomes the administrator: its form says so.
        components: { Field: '/components/RoleField#RoleField' },
        description: L('Hanya administrator yang dapat mengubah peran.', 'Only administrators can change roles.'),
      },
    },
    emailLanguageField({ description: L('Bahasa email yang dikirim ke akun ini.', 'The language of the emails sent to this account.') }),
    {
      name: 'producer',
      type: 'relationship',
      relationTo: 'producers',
      saveToJWT: true,
      label: L('Profil produsen', 'Producer profile'),
      access: { create: isAdminField, update: isAdminField },
      admin: {
        condition: (data) => data?.role === 'producer',
        description: L('Produsen yang dikelola akun ini.', 'The producer this account manages.'),
      },
    },
  ],
}
