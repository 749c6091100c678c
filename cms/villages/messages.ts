import type { MessageOf } from '../lib/messages'

/**
 * Why a village's record is refused, what a visitor of a host of no village is told, the emails of a village's
 * onboarding (cms/villages/firstAdmin.ts), and what `npm run village:add` says (scripts/village-add.ts).
 */
export const id = {
  'village.code': 'Tulis kode desa Kemendagri dengan titik, mis. 64.09.01.2001.',
  'village.host': 'Tulis nama host saja, huruf kecil, tanpa https:// dan tanpa garis miring, mis. desa-a.example.id.',
  'village.unknownHost': 'Alamat ini bukan situs desa mana pun.',
  'village.hostOfRegency': '{host} adalah host portal kabupaten: desa tanpa domain sendiri tampil di sana pada /desa/<slug>/.',
  'regency.hostOfVillage': '{host} sudah menjadi domain sebuah desa.',
  'village.lastActive': 'Desa aktif terakhir tidak dapat diarsipkan: tanpa desa aktif, situs tidak tampil di alamat mana pun.',
  'village.firstAdminName': 'Tulis nama administrator pertama: undangannya menyapa dengan nama itu.',
  'village.invite.subject': 'Undangan mengelola situs desa {village}',
  'village.invite.text':
    'Halo {name},\n\nAnda diundang menjadi administrator situs desa {village} ({site}).\n\nBuat kata sandi Anda melalui tautan ini, yang berlaku {days} hari:\n{link}\n\nSetelah itu, masuk di {admin} dengan alamat email ini. Jika Anda tidak menunggu undangan ini, abaikan saja email ini.',
  'village.joined.subject': 'Akun Anda kini juga mengelola situs desa {village}',
  'village.joined.text':
    'Halo {name},\n\nAkun Anda ({email}) kini juga dapat mengelola situs desa {village} ({site}). Masuk seperti biasa di {admin} dan pilih desa itu di pemilih desa.',
  'villageAdd.usage':
    'Pemakaian: npm run village:add -- --code 64.09.01.2005 --name "Sukamaju" --domain sukamaju.example.id [--kecamatan … --kabupaten … --slug … --from <slug> --admin-email … --admin-name … --admin-language id|en]',
  'villageAdd.unknownOption': 'Pilihan tidak dikenal atau tanpa nilai: {option}.',
  'villageAdd.nameMissing': 'Nama desa wajib diisi (--name).',
  'villageAdd.codeMissing': 'Kode desa Kemendagri wajib diisi (--code), mis. 64.09.01.2005.',
  'villageAdd.codeInvalid': 'Kode desa "{code}" tidak sah: tulis kode Kemendagri dengan titik, mis. 64.09.01.2005.',
  'villageAdd.domainMissing': 'Domain situs desa wajib diisi (--domain), mis. sukamaju.example.id.',
  'villageAdd.domainInvalid':
    'Domain "{domain}" tidak sah: tulis nama host saja, tanpa https:// dan tanpa garis miring, mis. sukamaju.example.id.',
  'villageAdd.slugInvalid': 'Slug "{slug}" tidak sah: hanya huruf kecil, angka dan tanda hubung.',
  'villageAdd.emailInvalid': 'Alamat email admin "{email}" tidak sah.',
  'villageAdd.adminNameMissing': 'Nama admin pertama wajib diisi (--admin-name) bila --admin-email diberikan.',
  'villageAdd.languageInvalid': 'Bahasa admin "{language}" tidak dikenal: pilih id atau en.',
  'villageAdd.codeTaken': 'Kode desa {code} sudah dipakai oleh desa {village}.',
  'villageAdd.slugTaken': 'Slug {slug} sudah dipakai oleh desa {village}; pilih yang lain dengan --slug.',
  'villageAdd.domainTaken': 'Domain {domain} sudah dipakai oleh desa {village}.',
  'villageAdd.templateUnknown': 'Tidak ada desa dengan slug {slug} untuk disalin (--from).',
  'villageAdd.refused': 'Desa tidak dapat dibuat: {reasons}',
  'villageAdd.created': 'Desa {village} dibuat (slug {slug}, id {id}): {site}',
  'villageAdd.copiedFrom':
    'Disalin dari desa {template}: {services} layanan, {categories} kategori produk, {zones} zona pengiriman, {pages} halaman profil (draf, untuk diisi).',
  'villageAdd.nothingToCopy': 'Tidak ada desa lain untuk disalin: katalog layanan, toko dan halaman profil masih kosong.',
  'villageAdd.adminInvited': 'Admin pertama {email} dibuat; undangan untuk membuat kata sandi masuk antrean email.',
  'villageAdd.adminJoined':
    'Akun {email} yang sudah ada kini juga anggota desa ini (perannya tetap: {role}); pemberitahuan masuk antrean email.',
  'villageAdd.adminAlready': 'Akun {email} sudah anggota desa ini.',
  'villageAdd.withoutDomain':
    'Desa {village} belum punya domain: dengan lebih dari satu desa, desa itu tidak tampil di host mana pun. Tambahkan domainnya di admin (Desa › Domain situs).',
  'villageAdd.noAdmin': 'Tanpa admin pertama (--admin-email): belum ada akun yang dapat mengelola desa ini di admin.',
} as const

export const en: Record<keyof typeof id, string> = {
  'village.code': 'Write the Kemendagri village code with dots, e.g. 64.09.01.2001.',
  'village.host': 'Write the host name only, in lower case, without https:// or slashes, e.g. desa-a.example.id.',
  'village.unknownHost': 'This address is not the site of any village.',
  'village.hostOfRegency':
    '{host} is a host of the regency portal: villages without a domain of their own are served there at /desa/<slug>/.',
  'regency.hostOfVillage': '{host} is already the domain of a village.',
  'village.lastActive': 'The last active village cannot be archived: without an active village, no address shows a site.',
  'village.firstAdminName': 'Write the first administrator’s name: the invitation greets them by it.',
  'village.invite.subject': 'Invitation to run the website of {village}',
  'village.invite.text':
    'Hello {name},\n\nYou are invited to be an administrator of the website of {village} ({site}).\n\nChoose your password through this link, valid for {days} days:\n{link}\n\nThen sign in at {admin} with this email address. If you did not expect this invitation, just ignore this email.',
  'village.joined.subject': 'Your account now also runs the website of {village}',
  'village.joined.text':
    'Hello {name},\n\nYour account ({email}) can now also run the website of {village} ({site}). Sign in as usual at {admin} and pick that village in the village selector.',
  'villageAdd.usage':
    'Usage: npm run village:add -- --code 64.09.01.2005 --name "Sukamaju" --domain sukamaju.example.id [--kecamatan … --kabupaten … --slug … --from <slug> --admin-email … --admin-name … --admin-language id|en]',
  'villageAdd.unknownOption': 'Unknown option, or one without a value: {option}.',
  'villageAdd.nameMissing': 'The village name is required (--name).',
  'villageAdd.codeMissing': 'The Kemendagri village code is required (--code), e.g. 64.09.01.2005.',
  'villageAdd.codeInvalid': 'The village code "{code}" is not valid: write the Kemendagri code with dots, e.g. 64.09.01.2005.',
  'villageAdd.domainMissing': 'The village site’s domain is required (--domain), e.g. sukamaju.example.id.',
  'villageAdd.domainInvalid':
    'The domain "{domain}" is not valid: write the host name only, without https:// or slashes, e.g. sukamaju.example.id.',
  'villageAdd.slugInvalid': 'The slug "{slug}" is not valid: lower-case letters, digits and hyphens only.',
  'villageAdd.emailInvalid': 'The admin’s email address "{email}" is not valid.',
  'villageAdd.adminNameMissing': 'The first admin’s name is required (--admin-name) when --admin-email is given.',
  'villageAdd.languageInvalid': 'The admin language "{language}" is unknown: choose id or en.',
  'villageAdd.codeTaken': 'The village code {code} is already used by {village}.',
  'villageAdd.slugTaken': 'The slug {slug} is already used by {village}; choose another with --slug.',
  'villageAdd.domainTaken': 'The domain {domain} is already used by {village}.',
  'villageAdd.templateUnknown': 'No village has the slug {slug} to copy from (--from).',
  'villageAdd.refused': 'The village could not be created: {reasons}',
  'villageAdd.created': 'Village {village} created (slug {slug}, id {id}): {site}',
  'villageAdd.copiedFrom':
    'Copied from {template}: {services} services, {categories} product categories, {zones} shipping zones, {pages} profile pages (drafts, to fill in).',
  'villageAdd.nothingToCopy': 'No other village to copy from: the service catalogue, the shop and the profile pages are empty.',
  'villageAdd.adminInvited': 'First admin {email} created; the invitation to choose a password is in the email outbox.',
  'villageAdd.adminJoined':
    'The existing account {email} now belongs to this village too (its role stays {role}); the notice is in the email outbox.',
  'villageAdd.adminAlready': 'The account {email} already belongs to this village.',
  'villageAdd.withoutDomain':
    'The village {village} has no domain yet: with more than one village it shows on no host. Add its domain in the admin (Villages › Site domains).',
  'villageAdd.noAdmin': 'No first admin (--admin-email): no account can run this village in the admin yet.',
}

export type VillageMessage = MessageOf<{ id: typeof id; en: typeof en }>
