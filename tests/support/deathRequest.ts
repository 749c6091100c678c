import sharp from 'sharp'
import { expect } from 'vitest'
import type { ProductionServer } from './server'

export const DEATH_FORM = '/layanan/keterangan-kematian/formulir'

/** Valid answers of the death certificate's form (the resident's own NIK and the deceased's). */
export const deathAnswers = {
  service: 'keterangan-kematian',
  nama: 'Siti Aminah',
  nik: '6402014508900003',
  telepon: '081234567890',
  alamat: 'RT 02 Dusun Hulu',
  nama_almarhum: 'Budi Santoso',
  nik_almarhum: '6402011203450007',
  tanggal_meninggal: '2026-01-05',
  tempat_meninggal: 'Tenggarong',
  hubungan: 'Anak',
  pernyataan: 'on',
}

/** A grey camera-like photo, as a phone sends it. */
export const jpeg = (width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 3, background: '#888' } })
    .jpeg()
    .toBuffer()

/** A post from a browser on the site's own page (the origin the CSRF check wants), without following the redirect. */
export const formPost = (server: ProductionServer, pathname: string, body: FormData | URLSearchParams) =>
  fetch(server.url + pathname, { method: 'POST', redirect: 'manual', body, headers: { Origin: server.url } })

/**
 * A request for a death certificate with a photo of the family card, as a browser without JavaScript sends it:
 * the form, then the check step's "send". Returns the tracking page it leads to and the request's reference.
 */
export const submitDeathRequest = async (server: ProductionServer, familyCard?: Buffer) => {
  const form = new FormData()
  for (const [name, value] of Object.entries(deathAnswers)) form.set(name, value)
  form.set('foto_kk', new Blob([new Uint8Array(familyCard ?? (await jpeg()))], { type: 'image/jpeg' }), 'kk.jpg')
  const checked = await (await formPost(server, `${DEATH_FORM}?_action=services.prepare`, form)).text()
  const pending = /name="pending" value="([^"]+)"/.exec(checked)?.[1]
  const submissionKey = /name="submissionKey" value="([^"]*)"/.exec(checked)?.[1] ?? ''
  expect(pending, checked.slice(0, 2000)).toBeTruthy()
  const submitted = await formPost(
    server,
    `${DEATH_FORM}?_action=services.submit`,
    new URLSearchParams({ ...deathAnswers, pending: pending!, submissionKey }),
  )
  expect(submitted.status).toBe(303)
  const location = new URL(submitted.headers.get('location')!, server.url)
  return { location, reference: location.searchParams.get('ref')! }
}
