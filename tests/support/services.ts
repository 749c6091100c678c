import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { inRequestVillage } from '../../cms/villages/scope'
import { createVillageCa, issueHeadCertificate } from '../../cms/resident-services/certificates'
import { generateSigningKey } from '../../cms/resident-services/signing'
import type { Service, ServiceRequest, User } from '../../cms/payload-types'
import { formFieldsOf, prepareAnswers, submitRequest } from '../../cms/resident-services/requests'
import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import { seedServices } from '../../cms/seed/services'
import { setEnvironment } from '../../cms/lib/config'
import type { Locale } from '../../cms/lib/messages'
import { saveSettings } from './villageDocuments'

/** The village head's certificate from a village CA, as a PKCS#12 file; returns its path. */
export const headCertificateFile = (commonName: string, passphrase: string) => {
  const ca = createVillageCa('Desa Sungai Lestari')
  const head = issueHeadCertificate(ca, { commonName, organization: 'Desa Sungai Lestari' }, passphrase)
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'desa-cert-')), 'kepala-desa.p12')
  writeFileSync(file, head.p12)
  return file
}

/** The keys the services need, as a deployment would set them: the record key and the head's certificate. */
export const setServiceKeys = () => {
  const key = generateSigningKey('uji-1')
  setEnvironment({
    NIK_ENCRYPTION_KEY: 'a'.repeat(64),
    LETTER_SIGNING_KEY: key.privateKeyPem,
    LETTER_SIGNING_KEY_ID: key.keyId,
    LETTER_SIGNER: 'local',
    LETTER_SIGNING_P12_FILE: headCertificateFile('H. Abdul Karim', 'sandi-sertifikat'),
    LETTER_SIGNING_P12_PASSPHRASE: 'sandi-sertifikat',
  })
  return key
}

const SUNGAI_LESTARI = {
  name: 'Desa Sungai Lestari',
  villageCode: '64.02.21.2007',
  kabupaten: 'Kutai Kartanegara',
  kecamatan: 'Tenggarong',
}

/**
 * The village's identity as letters need it (by default the demo village's), and the demo service catalog (without the
 * pictures, to stay quick); in the village in scope.
 */
export const seedServiceCatalog = async (payload: Payload, identity: Parameters<typeof saveSettings>[1] = SUNGAI_LESTARI) => {
  await saveSettings(payload, identity)
  const editorConfig = await editorConfigFactory.default({ config: payload.config })
  const markdown = (text: string) => convertMarkdownToLexical({ editorConfig, markdown: text })
  await seedServices({ payload, contentDir: path.resolve('content'), log: () => {}, markdown })
}

/** The service of the village in scope (the install's only one, unless told). */
export const serviceBySlug = async (payload: Payload, slug: string, locale: Locale = 'id'): Promise<Service> => {
  const where = await inRequestVillage(payload, { slug: { equals: slug } })
  return (await payload.find({ collection: 'services', where, locale, limit: 1, depth: 0, overrideAccess: true })).docs[0]
}

/** Valid answers for the applicant's fields. */
export const applicant = { nama: 'Siti Aminah', nik: '6402014508900003', telepon: '0812 3456 7890', email: '', alamat: 'RT 02, Dusun Hulu' }

/**
 * A Surat Keterangan Domisili from the applicant (born 5 August 1990, with a scan of her ID card), submitted in
 * `locale`, with the given email if any.
 */
export const domicileRequest = async (payload: Payload, { email = '', locale = 'id' }: { email?: string; locale?: Locale } = {}) => {
  const service = await serviceBySlug(payload, 'keterangan-domisili', locale)
  const answers = {
    ...applicant,
    email,
    tempat_lahir: 'Tenggarong',
    tanggal_lahir: '1990-08-05',
    sejak_tahun: '2015',
    keperluan: locale === 'en' ? 'Work' : 'Kerja',
    pernyataan: 'on',
  }
  const ktp = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 32)])
  const prepared = await prepareAnswers(
    formFieldsOf(service, locale),
    answers,
    { foto_ktp: { name: 'ktp.pdf', data: ktp, size: ktp.length } },
    [],
  )
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems))
  return { service, request: await submitRequest(payload, service, answers, prepared.files, null, locale) }
}

/**
 * A Surat Keterangan Tidak Mampu for `name` (born 1 January 1999, asking for health assistance, with the given
 * email if any), submitted and moved by the officer to Menunggu Tanda Tangan; `sign(head)` is the head's move to Selesai.
 */
export const sktmAwaitingSignature = async (payload: Payload, officer: User, name: string, contacts: { email?: string } = {}) => {
  const service = await serviceBySlug(payload, 'keterangan-tidak-mampu')
  const answers = {
    ...applicant,
    ...contacts,
    nama: name,
    tempat_lahir: 'Tenggarong',
    tanggal_lahir: '1999-01-01',
    pekerjaan: 'Petani',
    penghasilan: '900000',
    jenis_bantuan: 'kesehatan',
    keperluan: 'Berobat',
    pernyataan: 'on',
  }
  const kk = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300, 32)])
  const prepared = await prepareAnswers(formFieldsOf(service), answers, { foto_kk: { name: 'kk.pdf', data: kk, size: kk.length } }, [])
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems))
  const request = await submitRequest(payload, service, answers, prepared.files)
  const move = (user: User, nextStatus: string): Promise<ServiceRequest> =>
    payload.update({
      collection: 'service-requests',
      id: request.id,
      data: { nextStatus } as never,
      user: { ...user, collection: 'users' },
      overrideAccess: false,
    })
  for (const next of ['checking', 'processing', 'awaitingSignature']) await move(officer, next)
  return { request, sign: (head: User) => move(head, 'done') }
}
