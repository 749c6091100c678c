import { ValidationError, type Field, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'
import { publicFiles } from '../lib/objectStorage'
import { L } from '../lib/localize'
import { idOf } from '../lib/relation'
import { localize } from '../messages'
import type { Setting } from '../payload-types'
import { parseQris, QrisError } from './qris'
import { readQrisImage } from './qrisImage'

/** What a write of the settings may say about the QRIS payload it brings (the demo seed marks its sample). */
export type QrisSettingsContext = { qrisSample?: boolean }

const validatePayload = (value: unknown, { req }: { req: PayloadRequest }) => {
  if (!value) return true
  try {
    parseQris(String(value))
    return true
  } catch (err) {
    if (err instanceof QrisError) return localize(req, err.reason)
    throw err
  }
}

/** The village's static QRIS as text, and what staff read back from it. */
export const qrisSettingsField: Field = {
  name: 'qris',
  type: 'group',
  label: L('QRIS dengan nominal pas', 'Exact-amount QRIS'),
  admin: {
    description: L(
      'Tempelkan isi kode QRIS statis desa, atau unggah gambar QRIS di atas dan kosongkan kolom ini: kode dibaca dari gambar saat disimpan. Setiap pesanan QRIS lalu menampilkan kode dengan total pesanan yang pas.',
      'Paste the content of the village’s static QRIS code, or upload the QRIS image above and leave this empty: the code is read from the image on save. Every QRIS order then shows a code of its exact total.',
    ),
  },
  fields: [
    {
      name: 'payload',
      type: 'textarea',
      label: L('Isi kode QRIS statis', 'Static QRIS content'),
      validate: validatePayload,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'merchantName',
          type: 'text',
          label: L('Nama merchant (dari kode)', 'Merchant name (from the code)'),
          admin: { readOnly: true },
        },
        {
          name: 'merchantCity',
          type: 'text',
          label: L('Kota merchant (dari kode)', 'Merchant city (from the code)'),
          admin: { readOnly: true },
        },
      ],
    },
    {
      name: 'sample',
      type: 'checkbox',
      label: L(
        'Contoh dari data demo, bukan kode pembayaran desa: ganti sebelum berjualan',
        'A sample of the demo data, not the village’s payment code: replace it before selling',
      ),
      admin: { readOnly: true, condition: (data) => Boolean(data?.qris?.sample) },
    },
  ],
}

type QrisGroup = NonNullable<Setting['qris']>

/** A payload the shop refuses, said on the field it came from, in the editor's language. */
const refuse = (req: PayloadRequest, field: string, err: unknown): never => {
  if (!(err instanceof QrisError)) throw err
  throw new ValidationError({ global: 'settings', req, errors: [{ path: field, message: localize(req, err.reason) }] })
}

/** The QR code of the uploaded QRIS image, read from the stored file. */
const payloadOfImage = async (req: PayloadRequest, image: number | string) => {
  const media = await req.payload.findByID({ collection: 'media', id: image, depth: 0, overrideAccess: true, req })
  try {
    if (!media.filename) throw new QrisError({ code: 'qris.imageUnreadable' })
    const bytes = await publicFiles().read(media.filename)
    if (!bytes) throw new QrisError({ code: 'qris.imageUnreadable' })
    const payload = await readQrisImage(bytes)
    return { payload, parsed: parseQris(payload) }
  } catch (err) {
    return refuse(req, 'qrisImage', err)
  }
}

const pasted = (req: PayloadRequest, payload: string) => {
  try {
    return { payload, parsed: parseQris(payload) }
  } catch (err) {
    return refuse(req, 'qris.payload', err)
  }
}

/**
 * Checks the QRIS payload on every save, reads it from a newly uploaded image when none was pasted, and shows
 * staff whose code it is: the merchant name and city come from the payload, and the sample mark lasts only as
 * long as the payload the seed marked.
 */
export const qrisFromSettings: CollectionBeforeChangeHook = async ({ data, originalDoc, req, context }) => {
  const before = (originalDoc?.qris ?? {}) as QrisGroup
  const group: QrisGroup = { ...(data.qris ?? {}) }
  const text = group.payload?.trim()
  const image = idOf(data.qrisImage)
  const imageIsNew = image !== null && image !== idOf(originalDoc?.qrisImage)
  const code = text ? pasted(req, text) : imageIsNew ? await payloadOfImage(req, image) : null
  const sample =
    code !== null && (code.payload === before.payload ? Boolean(before.sample) : (context as QrisSettingsContext).qrisSample === true)
  return {
    ...data,
    qris: {
      ...group,
      payload: code?.payload ?? null,
      merchantName: code?.parsed.merchantName ?? null,
      merchantCity: code?.parsed.merchantCity ?? null,
      sample,
    },
  }
}
