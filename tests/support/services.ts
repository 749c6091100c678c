import path from 'node:path'
import type { Payload } from 'payload'
import { generateSigningKey } from '../../cms/services/signing'
import type { Service } from '../../cms/payload-types'
import { seed } from '../../cms/seed'

/** The keys the services need, as a deployment would set them. */
export const setServiceKeys = () => {
  process.env.NIK_ENCRYPTION_KEY = 'a'.repeat(64)
  const key = generateSigningKey('uji-1')
  process.env.LETTER_SIGNING_KEY = key.privateKeyPem
  process.env.LETTER_SIGNING_KEY_ID = key.keyId
  return key
}

/** The demo village with its service catalog. */
export const seedVillage = (payload: Payload) => seed(payload, { contentDir: path.resolve('content'), log: () => {} })

export const serviceBySlug = async (payload: Payload, slug: string): Promise<Service> =>
  (await payload.find({ collection: 'services', where: { slug: { equals: slug } }, limit: 1, depth: 0, overrideAccess: true })).docs[0]!

/** Valid answers for the applicant's fields. */
export const applicant = { nama: 'Siti Aminah', nik: '6402014508900003', telepon: '0812 3456 7890', email: '', alamat: 'RT 02, Dusun Hulu' }
