import type { Page } from 'playwright-core'

/** A small PDF: the kind of scan residents attach. */
export const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300, 32)])

/** Fills the public event permit's form on the open page as a resident would, attaching `file` as the KTP. */
export const fillPermitForm = async (page: Page, file = PDF) => {
  const values: Record<string, string> = {
    nama: 'Budi Santoso',
    nik: '6402011203850001',
    telepon: '081298765432',
    alamat: 'RT 05',
    nama_acara: 'Syukuran',
    tanggal_acara: '2026-12-20',
    tempat_acara: 'Balai desa',
    jumlah_tamu: '150',
  }
  for (const [name, value] of Object.entries(values)) await page.locator(`[name="${name}"]`).fill(value)
  await page.locator('[name=pernyataan]').check()
  await page.locator('[name=foto_ktp]').setInputFiles({ name: 'ktp.pdf', mimeType: 'application/pdf', buffer: file })
}
