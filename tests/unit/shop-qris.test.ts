import QRCode from 'qrcode'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { translate } from '../../cms/messages'
import { crc16, dynamicQris, parseEmv, parseObjects, parseQris, QrisError, serializeObjects } from '../../cms/shop/qris'
import { qrisSvg, readQrisImage } from '../../cms/shop/qrisImage'

/**
 * Published payloads, each with the CRC its publisher printed:
 * - the worked example of the EMVCo QR Code Specification for Payment Systems, Merchant-Presented Mode
 *   (as quoted in the README of the npm package @steplix/emvqr): CNY, with Chinese text in a template;
 * - a real static GoPay QRIS, printed in the README of github.com/Rifaldo-dev/qrisdinamis;
 * - a dynamic ShopeePay QRIS with an amount and a message in tag 62, in the README of github.com/sunary/qris.
 */
const EMVCO_SAMPLE =
  '00020101021229300012D156000000000510A93FO3230Q31280012D15600000001030812345678520441115802CN5914BEST TRANSPORT6007BEIJING64200002ZH0104最佳运输0202北京540523.7253031565502016233030412340603***0708A60086670902ME91320016A0112233449988770708123456786304A13A'
const GOPAY_STATIC =
  '00020101021126610014COM.GO-JEK.WWW01189360091436271261480210G6271261480303UMI51440014ID.CO.QRIS.WWW0215ID10253896834060303UMI5204573253033605802ID5909aldo soft6013PASAMAN BARAT61052656662070703A0163042275'
const SHOPEE_DYNAMIC =
  '00020101021226380016ID.CO.SHOPEE.WWW010201020815863724530336054061440005802ID5921PT. SHOPPEE INDONESIA6007JAKARTA62180814gen by go-qris63049635'

const refusal = (run: () => unknown) => {
  try {
    run()
  } catch (err) {
    if (err instanceof QrisError) return err.reason
    throw err
  }
  throw new Error('not refused')
}

describe('the EMVCo payload codec', () => {
  it('computes the CRC each publisher printed (CRC-16/CCITT-FALSE over the UTF-8 bytes, "6304" included)', () => {
    expect(crc16('123456789')).toBe('29B1') // the catalogue check value of CRC-16/CCITT-FALSE
    for (const payload of [EMVCO_SAMPLE, GOPAY_STATIC, SHOPEE_DYNAMIC]) expect(crc16(payload.slice(0, -4))).toBe(payload.slice(-4))
  })

  it('reads the EMVCo sample object by object, counting characters rather than bytes in its Chinese template', () => {
    const objects = parseEmv(EMVCO_SAMPLE)
    expect(objects.map((o) => o.id)).toEqual(['00', '01', '29', '31', '52', '58', '59', '60', '64', '54', '53', '55', '62', '91', '63'])
    expect(parseObjects(objects.find((o) => o.id === '64')!.value)).toEqual([
      { id: '00', value: 'ZH' },
      { id: '01', value: '最佳运输' },
      { id: '02', value: '北京' },
    ])
    expect(serializeObjects(objects)).toBe(EMVCO_SAMPLE)
  })

  it('refuses the EMVCo sample as a QRIS: it is in yuan, for China', () => {
    expect(refusal(() => parseQris(EMVCO_SAMPLE))).toEqual({ code: 'qris.notIndonesian' })
  })
})

describe('a village QRIS', () => {
  it('reads a real static QRIS: merchant, city, no amount', () => {
    expect(parseQris(GOPAY_STATIC)).toMatchObject({
      merchantName: 'aldo soft',
      merchantCity: 'PASAMAN BARAT',
      dynamic: false,
      amount: null,
      billNumber: null,
    })
  })

  it('reads a published dynamic QRIS with its amount', () => {
    expect(parseQris(SHOPEE_DYNAMIC)).toMatchObject({ merchantName: 'PT. SHOPPEE INDONESIA', dynamic: true, amount: 144_000 })
  })

  it('becomes an order’s dynamic QRIS: point of initiation 12, the exact rupiah, the order number as bill number, a right CRC', () => {
    const payload = dynamicQris(GOPAY_STATIC, { amount: 187_500, billNumber: 'DD-261202-7KQ4M' })
    const parsed = parseQris(payload)
    expect(parsed).toMatchObject({ merchantName: 'aldo soft', dynamic: true, amount: 187_500, billNumber: 'DD-261202-7KQ4M' })
    expect(payload).toContain('010212')
    expect(payload).toContain('5406187500')
    // The static code's own additional data (its terminal label, 07) stays beside the bill number.
    expect(parseObjects(parsed.objects.find((o) => o.id === '62')!.value)).toEqual([
      { id: '01', value: 'DD-261202-7KQ4M' },
      { id: '07', value: 'A01' },
    ])
    // Everything else of the merchant's code is unchanged and in its place.
    const unchanged = (objects: { id: string }[]) => objects.map((o) => o.id).filter((id) => !['01', '54', '62', '63'].includes(id))
    expect(unchanged(parsed.objects)).toEqual(unchanged(parseQris(GOPAY_STATIC).objects))
    expect(parsed.objects.map((o) => o.id)).toEqual(['00', '01', '26', '51', '52', '53', '54', '58', '59', '60', '61', '62', '63'])
  })

  it('replaces the amount and bill number of a code that already has them', () => {
    const payload = dynamicQris(SHOPEE_DYNAMIC, { amount: 25_000, billNumber: 'DD-261202-ABCDE' })
    expect(parseQris(payload)).toMatchObject({ amount: 25_000, billNumber: 'DD-261202-ABCDE' })
    expect(parseObjects(parseQris(payload).objects.find((o) => o.id === '62')!.value)).toEqual([
      { id: '01', value: 'DD-261202-ABCDE' },
      { id: '08', value: 'gen by go-qris' },
    ])
  })

  it('drops a tip prompt, so the buyer pays exactly the total', () => {
    const withTip = parseQris(GOPAY_STATIC).objects.filter((o) => o.id !== '63')
    withTip.splice(6, 0, { id: '55', value: '01' })
    const body = `${serializeObjects(withTip)}6304`
    const payload = dynamicQris(body + crc16(body), { amount: 10_000, billNumber: 'DD-1' })
    expect(parseQris(payload).objects.some((o) => o.id === '55')).toBe(false)
  })

  it('refuses an amount that is not whole positive rupiah', () => {
    for (const amount of [0, -5, 12.5, Number.NaN])
      expect(() => dynamicQris(GOPAY_STATIC, { amount, billNumber: 'DD-1' })).toThrow(RangeError)
  })
})

describe('a refused payload, in words for staff', () => {
  it('a changed character breaks the CRC', () => {
    const tampered = GOPAY_STATIC.replace('aldo soft', 'aldo sofT')
    const reason = refusal(() => parseQris(tampered))
    expect(reason).toEqual({ code: 'qris.badCrc', params: { got: '2275', want: crc16(tampered.slice(0, -4)) } })
    expect(translate('id', reason)).toMatch(/^Cek CRC kode QRIS salah \(2275, seharusnya [0-9A-F]{4}\)/)
    expect(translate('en', reason)).toMatch(/^The QRIS code’s CRC check is wrong/)
  })

  it('a code cut short has no CRC, or breaks its structure', () => {
    expect(refusal(() => parseQris(GOPAY_STATIC.slice(0, -8)))).toEqual({ code: 'qris.noCrc' })
    // Cut inside the additional data (62, 7 characters long, of which only 2 are left).
    expect(refusal(() => parseQris(GOPAY_STATIC.slice(0, -10)))).toEqual({
      code: 'qris.malformed',
      params: { position: GOPAY_STATIC.indexOf('62070703A01') + 1 },
    })
  })

  it('text that is not a payload, or nothing at all', () => {
    expect(refusal(() => parseQris('https://example.com/bayar'))).toEqual({ code: 'qris.malformed', params: { position: 1 } })
    expect(refusal(() => parseQris('   '))).toEqual({ code: 'qris.empty' })
    expect(translate('id', { code: 'qris.malformed', params: { position: 1 } })).toContain('karakter ke-1')
  })
})

describe('QRIS pictures', () => {
  it('reads the payload back from a QR picture, as an uploaded QRIS image is read', async () => {
    const png = await QRCode.toBuffer(GOPAY_STATIC, { margin: 4, scale: 6 })
    // A photo-like JPEG with some grey around it, not the crisp PNG the encoder made.
    const photo = await sharp(png)
      .flatten({ background: '#ffffff' })
      .extend({ top: 40, bottom: 40, left: 40, right: 40, background: '#dddddd' })
      .jpeg({ quality: 80 })
      .toBuffer()
    expect(await readQrisImage(photo)).toBe(GOPAY_STATIC)
  })

  it('says so when a picture holds no QR code', async () => {
    const blank = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer()
    await expect(readQrisImage(blank)).rejects.toMatchObject({ reason: { code: 'qris.imageUnreadable' } })
  })

  it('draws a payload as an inline SVG that reads back to the same payload', async () => {
    const payload = dynamicQris(GOPAY_STATIC, { amount: 187_500, billNumber: 'DD-261202-7KQ4M' })
    const svg = await qrisSvg(payload)
    expect(svg).toMatch(/^<svg [^>]*viewBox/)
    expect(await readQrisImage(await sharp(Buffer.from(svg), { density: 300 }).png().toBuffer())).toBe(payload)
  })
})
