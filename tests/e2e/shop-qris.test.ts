import jsQR from 'jsqr'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { parseQris } from '../../cms/shop/qris'
import { signIn } from '../support/api'
import { useProductionServer } from '../support/e2e'

const server = useProductionServer({ browser: true })

/** What a banking app reads from the QR code drawn in the page: the SVG rendered to pixels, then decoded. */
const scan = async (svg: string) => {
  const { data, info } = await sharp(Buffer.from(svg), { density: 200 })
    .flatten({ background: '#ffffff' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height)?.data ?? null
}

describe('exact-amount QRIS', () => {
  it('a QRIS order’s page shows a code of the order’s exact total, drawn on the server, with JavaScript turned off', async () => {
    const page = await server.browser.newPage({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false })
    await page.goto(`${server.url}/produk/kopi-robusta-bubuk`)
    await page.getByLabel(/500 g/).check()
    await page.getByLabel('Jumlah').fill('3')
    await page.getByRole('button', { name: 'Masukkan keranjang' }).click()
    await page.getByRole('link', { name: 'Lanjut ke pembayaran' }).click()
    await page.getByLabel('Nama lengkap').fill('Ayu Lestari')
    await page.getByLabel('Email').fill('ayu@example.com')
    await page.getByLabel('Nomor HP/WhatsApp').fill('0812-3456-7890')
    await page.getByLabel('QRIS', { exact: true }).check()
    await page.getByRole('button', { name: 'Buat pesanan' }).click()

    const number = /^\/pesanan\/(DD-\d{6}-[A-Z0-9]{5})$/.exec(new URL(page.url()).pathname)?.[1]
    expect(number).toBeDefined()
    const main = page.locator('main')
    expect(await main.textContent()).toMatch(/nominal Rp\s240\.000 sudah terisi/)
    // The demo village's code is a sample, and the page says so.
    expect(await main.getByRole('note').textContent()).toMatch(/Contoh: kode ini berasal dari data demo/)
    expect(await main.locator('.qris-pay dl').textContent()).toMatch(/PenerimaCONTOH TOKO DESANominalRp\s240\.000/)
    expect(await page.getByLabel(/Nominal untuk disalin/).inputValue()).toBe('240000')

    expect(await page.getByRole('img', { name: new RegExp(`^Kode QRIS sebesar Rp\\s240\\.000 untuk pesanan ${number}$`) }).count()).toBe(1)
    // The code is in the page's HTML as the server sent it: no script draws it, no picture is requested.
    const svg = /<svg role="img"[\s\S]*?<\/svg>/.exec(await (await fetch(page.url())).text())?.[0]
    const scanned = await scan(svg!)
    expect(scanned).not.toBeNull()
    // parseQris checks the CRC: a code whose CRC were wrong would be refused here, as banking apps refuse it.
    expect(parseQris(scanned!)).toMatchObject({
      merchantName: 'CONTOH TOKO DESA',
      merchantCity: 'KUTAI KARTANEGARA',
      dynamic: true,
      amount: 240_000,
      billNumber: number,
    })
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false)
    // Staff still confirm the payment by hand: the buyer is asked for the receipt.
    expect(await page.getByRole('button', { name: 'Unggah bukti transfer' }).count()).toBe(1)
    await page.close()
  })

  it('staff read the merchant and the sample mark back in the admin', async () => {
    const admin = await signIn(server, 'admin')
    const context = await server.browser.newContext()
    await admin.addCookieTo(context)
    const page = await context.newPage()
    await page.goto(`${server.url}/admin/collections/settings`)
    await page.locator('.tabs-field__tab-button', { hasText: 'Pembayaran' }).click({ timeout: 60_000 })
    const merchant = page.locator('#field-qris__merchantName')
    await merchant.waitFor({ timeout: 30_000 })
    expect(await merchant.inputValue()).toBe('CONTOH TOKO DESA')
    expect(await merchant.isEditable()).toBe(false)
    expect(await page.locator('#field-qris__merchantCity').inputValue()).toBe('KUTAI KARTANEGARA')
    expect(await page.getByLabel(/Contoh dari data demo/).isChecked()).toBe(true)
    await context.close()
  })
})
