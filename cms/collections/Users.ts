import {
  ValidationError,
  type CollectionAfterLoginHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  type CollectionBeforeValidateHook,
  type CollectionConfig,
} from 'payload'
import {
  canChangeAccount,
  hasRoleSomewhere,
  isAdminNotSelf,
  isAdminOfAccount,
  isAdminOrSelf,
  isAdminSomewhere,
  isRegencyAdministrator,
  isRegencyAdminField,
  REGENCY_ROLES,
} from '../access'
import { roleOptions } from '../fields/roles'
import { forgetLoginFailures, throttleLogin } from '../auth/loginThrottle'
import { passwordProblem } from '../auth/password'
import { findResetTokenHashed, storeResetTokenHashed } from '../auth/resetTokens'
import { config } from '../lib/config'
import { L } from '../lib/localize'
import { localize } from '../messages'
import { emailLanguageField } from '../fields/emailLanguage'
import { witaDateTime } from '../admin/dates'

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

/**
 * Only the regency's administrators give or take a regency role (a village's administrator cannot rise above the
 * village, nor name who watches the villages), and a district viewer watches one kecamatan, which must be named.
 */
const keepTheRegencyRoles: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const refuse = (path: string, message: Parameters<typeof localize>[1]) => {
    throw new ValidationError({ collection: 'users', errors: [{ path, message: localize(req, message) }], req })
  }
  const before = originalDoc?.role
  const after = data.role ?? before
  const regencyRole = (role: unknown) => REGENCY_ROLES.some((r) => r === role)
  if (before !== after && (regencyRole(before) || regencyRole(after)) && req.user && !isRegencyAdministrator(req.user))
    return refuse('role', { code: 'role.regencyOnly' })
  const kecamatan = (data.kecamatan ?? originalDoc?.kecamatan ?? '').trim()
  if (after === 'district-viewer' && !kecamatan) return refuse('kecamatan', { code: 'role.kecamatanRequired' })
  return data
}

/** When an account last signed in, for the regency's "active villages" (only the time, in the account itself). */
const rememberSignIn: CollectionAfterLoginHook = async ({ req, user }) => {
  await req.payload.db.updateOne({ collection: 'users', id: user.id, data: { lastSignInAt: new Date().toISOString() }, req })
}

/**
 * Someone must always be able to manage accounts (the first-user screen is closed once an account exists): an
 * administrator's account keeps the role somewhere, by its own role or a row of its villages, unless another account
 * has it.
 */
const keepAnAdministrator: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  // A regency administrator is an administrator too (of every village).
  if (operation !== 'update' || !hasRoleSomewhere(originalDoc, 'admin')) return data
  const after = { role: data.role ?? originalDoc.role, villages: data.villages ?? originalDoc.villages }
  if (hasRoleSomewhere(after, 'admin')) return data
  const others = await req.payload.count({
    collection: 'users',
    where: {
      and: [
        { or: [{ role: { in: ['admin', 'regency-admin'] } }, { 'villages.role': { equals: 'admin' } }] },
        { id: { not_equals: originalDoc.id } },
      ],
    },
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
    create: isAdminSomewhere,
    read: isAdminOrSelf,
    update: canChangeAccount,
    delete: isAdminNotSelf,
    unlock: isAdminSomewhere,
  },
  hooks: {
    beforeOperation: [throttleLogin, findResetTokenHashed, checkResetPassword],
    afterLogin: [forgetLoginFailures, rememberSignIn],
    beforeValidate: [checkPassword],
    beforeChange: [
      storeResetTokenHashed,
      keepTheRegencyRoles,
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
      options: roleOptions,
      access: { create: isAdminOfAccount, update: isAdminOfAccount },
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
      access: { create: isAdminOfAccount, update: isAdminOfAccount },
      admin: {
        condition: (data) =>
          data?.role === 'producer' || Boolean(data?.villages?.some((row: { role?: string }) => row.role === 'producer')),
        description: L('Produsen yang dikelola akun ini.', 'The producer this account manages.'),
      },
    },
    {
      name: 'kecamatan',
      type: 'text',
      label: L('Kecamatan yang dipantau', 'Kecamatan watched'),
      access: { create: isRegencyAdminField, update: isRegencyAdminField },
      admin: {
        condition: (data) => data?.role === 'district-viewer',
        description: L(
          'Pemantau kecamatan melihat statistik desa-desa di kecamatan ini (seperti tertulis pada data desa).',
          "A district viewer sees the statistics of this kecamatan's villages (as written on the villages' records).",
        ),
      },
    },
    {
      name: 'lastSignInAt',
      type: 'date',
      label: L('Terakhir masuk', 'Last signed in'),
      access: { create: () => false, update: () => false },
      admin: { ...witaDateTime({ readOnly: true }), position: 'sidebar' },
    },
  ],
}
