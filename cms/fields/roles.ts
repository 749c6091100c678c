import type { Field, FieldAccess } from 'payload'
import { hasRoleSomewhere, isRegencyAdministrator, ROLES, VILLAGE_ROLES } from '../access'
import { L } from '../lib/localize'

const roleLabels = {
  admin: L('Administrator', 'Administrator'),
  editor: L('Tim media (editor)', 'Media team (editor)'),
  officer: L('Petugas layanan', 'Service officer'),
  head: L('Kepala desa', 'Village head'),
  producer: L('Produsen (penjual)', 'Producer (seller)'),
  'regency-admin': L('Administrator kabupaten (semua desa)', 'Regency administrator (every village)'),
  'regency-viewer': L('Pemantau kabupaten (statistik semua desa)', "Regency viewer (every village's statistics)"),
  'district-viewer': L('Pemantau kecamatan (statistik desa di kecamatannya)', "District viewer (statistics of their kecamatan's villages)"),
} as const

/** The account's role, labelled in both admin languages. */
export const roleOptions = ROLES.map((value) => ({ value, label: roleLabels[value] }))

/**
 * An account's villages (and its roles there) are set by administrators, each in the villages they administer
 * (checked row by row, cms/villages/membership.ts), and by the regency's administrators.
 */
export const setsVillageRows: FieldAccess = ({ req }) => isRegencyAdministrator(req.user) || hasRoleSomewhere(req.user, 'admin')

/** A row's role: what the person does in that village, when it is not the account's role. */
export const villageRoleField: Field = {
  name: 'role',
  type: 'select',
  saveToJWT: true,
  label: L('Peran di desa ini', 'Role in this village'),
  options: VILLAGE_ROLES.map((value) => ({ value, label: roleLabels[value] })),
  admin: { description: L('Kosongkan untuk memakai peran akun.', "Leave empty to use the account's role.") },
}
