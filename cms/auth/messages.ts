import type { MessageOf } from '../lib/messages'

/**
 * Why a new password is refused (cms/auth/password.ts), a sign-in must wait (cms/auth/loginThrottle.ts), or the
 * last administrator keeps the role, or only the regency gives its own role; what the first account becomes.
 */
export const id = {
  'password.tooShort': 'Kata sandi minimal {min} karakter.',
  'password.oneKind': 'Kata sandi harus memakai lebih dari satu jenis karakter: huruf kecil, huruf besar, angka atau simbol.',
  'password.common': 'Kata sandi ini terlalu umum dan mudah ditebak. Pilih yang lain.',
  'password.email': 'Kata sandi tidak boleh memuat alamat email akun.',
  'login.tooMany': 'Terlalu banyak percobaan masuk. Coba lagi dalam {wait}.',
  'login.addressLimit': 'Terlalu banyak percobaan masuk dari alamat ini. Coba lagi dalam {wait}.',
  'login.oneMinute': '1 menit',
  'login.minutes': '{minutes} menit',
  'account.lastAdmin': 'Ini administrator terakhir: jadikan akun lain administrator lebih dulu, baru ubah peran akun ini.',
  'role.regencyOnly': 'Hanya administrator kabupaten yang dapat memberi atau mencabut peran kabupaten (administrator atau pemantau).',
  'role.otherVillage':
    'Anda hanya dapat menambah, mengubah atau mencabut keanggotaan dan peran di desa yang Anda kelola sebagai administrator.',
  'role.kecamatanRequired': 'Tulis kecamatan yang dipantau oleh pemantau kecamatan.',
  'role.firstAccount': 'Peran: Administrator',
  'role.firstAccountNote': 'Akun pertama mengelola situs desa dan membuat akun lainnya.',
} as const

export const en: Record<keyof typeof id, string> = {
  'password.tooShort': 'The password needs at least {min} characters.',
  'password.oneKind': 'The password must mix more than one kind of character: lower case, upper case, digits or symbols.',
  'password.common': 'This password is too common and easy to guess. Choose another one.',
  'password.email': 'The password must not contain the account’s email address.',
  'login.tooMany': 'Too many sign-in attempts. Try again in {wait}.',
  'login.addressLimit': 'Too many sign-in attempts from this address. Try again in {wait}.',
  'login.oneMinute': '1 minute',
  'login.minutes': '{minutes} minutes',
  'account.lastAdmin': 'This is the last administrator: make another account an administrator first, then change this one’s role.',
  'role.regencyOnly': 'Only a regency administrator can give or take a regency role (administrator or viewer).',
  'role.otherVillage': 'You can only add, change or remove memberships and roles in the villages you administer.',
  'role.kecamatanRequired': 'Write the kecamatan a district viewer watches.',
  'role.firstAccount': 'Role: Administrator',
  'role.firstAccountNote': 'The first account administers the village site and creates the other accounts.',
}

export type AuthMessage = MessageOf<{ id: typeof id; en: typeof en }>
