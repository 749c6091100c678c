import path from 'node:path'
import type { Payload } from 'payload'
import { generateSigningKey } from '../../cms/resident-services/signing'
import type { Service } from '../../cms/payload-types'
import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import { seedServices } from '../../cms/seed/services'
import { setEnvironment } from '../../cms/lib/config'

/** The keys the services need, as a deployment would set them. */
export const setServiceKeys = () => {
  const key = generateSigningKey('uji-1')
  setEnvironment({ NIK_ENCRYPTION_KEY: 'a'.repeat(64), LETTER_SIGNING_KEY: key.privateKeyPem, LETTER_SIGNING_KEY_ID: key.keyId })
  return key
}

/** The village's identity as letters need it, and the demo service catalog (without the pictures, to stay quick). */
export const seedServiceCatalog = async (payload: Payload) => {
  await payload.updateGlobal({
    slug: 'settings',
    data: { name: 'Desa Sungai Lestari', villageCode: '64.02.21.2007', kabupaten: 'Kutai Kartanegara', kecamatan: 'Tenggarong' },
    overrideAccess: true,
  })
  const editorConfig = await editorConfigFactory.default({ config: payload.config })
  const markdown = (text: string) => convertMarkdownToLexical({ editorConfig, markdown: text })
  await seedServices({ payload, contentDir: path.resolve('content'), log: () => {}, markdown })
}

export const serviceBySlug = async (payload: Payload, slug: string): Promise<Service> =>
  (await payload.find({ collection: 'services', where: { slug: { equals: slug } }, limit: 1, depth: 0, overrideAccess: true })).docs[0]

/** Valid answers for the applicant's fields. */
export const applicant = { nama: 'Siti Aminah', nik: '6402014508900003', telepon: '0812 3456 7890', email: '', alamat: 'RT 02, Dusun Hulu' }
