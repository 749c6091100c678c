import type { Page } from 'playwright-core'

/**
 * The empty service request form hydrates when the resident first touches it (`client:interaction`): this taps
 * its first field, as a resident does, and waits until the form is interactive (its "clear" button needs
 * JavaScript).
 */
export const startFilling = async (page: Page) => {
  await page.getByLabel('Nama lengkap').click()
  await page.getByRole('button', { name: 'Hapus isian di perangkat ini' }).waitFor()
}
