import { ValidationError, type Payload } from 'payload'
import QRCode from 'qrcode'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enabledPaymentMethods } from '../../cms/shop/orders'
import type { QrisSettingsContext } from '../../cms/shop/qrisSettings'
import { startPayload } from '../support/payload'
import { saveSettings } from '../support/villageDocuments'
import { settingsOf } from '../../cms/villages/settings'

// A real static GoPay QRIS, printed in the README of github.com/Rifaldo-dev/qrisdinamis.
const GOPAY_STATIC =
  '00020101021126610014COM.GO-JEK.WWW01189360091436271261480210G6271261480303UMI51440014ID.CO.QRIS.WWW0215ID10253896834060303UMI5204573253033605802ID5909aldo soft6013PASAMAN BARAT61052656662070703A0163042275'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(async () => {
  await payload.destroy()
})

const qrisOf = async () => (await settingsOf(payload, null, { depth: 0, overrideAccess: true })).qris
const refusalOf = async (run: () => Promise<unknown>) => {
  try {
    await run()
  } catch (err) {
    if (err instanceof ValidationError) return { status: err.status, errors: err.data.errors }
    throw err
  }
  throw new Error('not refused')
}

const uploadPicture = async (data: Buffer, name: string) =>
  payload.create({
    collection: 'media',
    data: { alt: 'QRIS desa' },
    file: { data, mimetype: 'image/png', name, size: data.length },
    overrideAccess: true,
  })

describe('the village’s static QRIS in the settings', () => {
  it('is taken pasted, and staff read back whose code it is', async () => {
    await saveSettings(payload, { name: 'Desa Uji', qris: { payload: `  ${GOPAY_STATIC}\n` } })
    expect(await qrisOf()).toMatchObject({ payload: GOPAY_STATIC, merchantName: 'aldo soft', merchantCity: 'PASAMAN BARAT', sample: false })
    // A pasted code alone, without the picture, lets buyers pay by QRIS.
    expect(await enabledPaymentMethods(payload)).toContain('qris')
  })

  it('is refused with a clear message when its CRC is wrong, and the stored code stays', async () => {
    const refused = await refusalOf(() => saveSettings(payload, { qris: { payload: GOPAY_STATIC.replace('aldo', 'ALDO') } }))
    expect(refused.status).toBe(400)
    expect(refused.errors).toEqual([
      { path: 'qris.payload', message: expect.stringMatching(/^Cek CRC kode QRIS salah \(2275, seharusnya/) },
    ])
    expect((await qrisOf())?.payload).toBe(GOPAY_STATIC)
  })

  it('is read from an uploaded QRIS picture when none is pasted', async () => {
    const picture = await uploadPicture(await QRCode.toBuffer(GOPAY_STATIC, { scale: 8 }), 'qris-desa.png')
    await saveSettings(payload, { qrisImage: picture.id, qris: { payload: '' } })
    expect(await qrisOf()).toMatchObject({ payload: GOPAY_STATIC, merchantName: 'aldo soft' })
  })

  it('refuses a picture without a readable QR code when it is the only source, saying why on the picture', async () => {
    const blank = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer()
    const picture = await uploadPicture(blank, 'bukan-qris.png')
    const refused = await refusalOf(() => saveSettings(payload, { qrisImage: picture.id, qris: { payload: '' } }))
    expect(refused.errors).toEqual([{ path: 'qrisImage', message: expect.stringContaining('Tidak ada kode QR yang terbaca') }])
  })

  it('is marked a sample only while it is the payload the demo seed wrote', async () => {
    const SAMPLE =
      '00020101021151440014ID.CO.QRIS.WWW0215ID00000000000000303UMI5204549953033605802ID5916CONTOH TOKO DESA6017KUTAI KARTANEGARA61057551162080704DEMO6304D4A2'
    await saveSettings(payload, { qris: { payload: SAMPLE } }, { context: { qrisSample: true } satisfies QrisSettingsContext })
    expect(await qrisOf()).toMatchObject({ merchantName: 'CONTOH TOKO DESA', sample: true })
    // Another save of the settings (as the admin sends back the whole form, the mark included) keeps it.
    await saveSettings(payload, { tagline: 'Hijau', qris: { payload: SAMPLE, sample: true } })
    expect((await qrisOf())?.sample).toBe(true)
    // The village's own code replaces the sample, and the mark goes with it.
    await saveSettings(payload, { qris: { payload: GOPAY_STATIC, sample: true } })
    expect(await qrisOf()).toMatchObject({ merchantName: 'aldo soft', sample: false })
  })
})
