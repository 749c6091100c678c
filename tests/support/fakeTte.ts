import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib'
import { SignPdf } from '@signpdf/signpdf'
import { P12Signer } from '@signpdf/signer-p12'
import { PDFDocument } from 'pdf-lib'

export type TteCall = { path: string; authorization?: string; body: Record<string, unknown> }

/**
 * A local stand-in for a BSrE-style TTE provider's HTTP edge (esign API v2): POST /api/v2/sign/pdf with
 * Basic client credentials and JSON { nik, passphrase, signatureProperties[], file[] (base64) }; answers
 * { file: [signed PDF, base64] }, or a JSON error as the provider does (401 client, 400 passphrase).
 * It signs as the provider would, with the certificate it holds for the NIK (a PKCS#12 file here), for each head it knows.
 */
type TteHead = { nik: string; passphrase: string; p12File: string; p12Passphrase: string }

export const startFakeTte = async (account: { username: string; password: string } & TteHead, otherHeads: TteHead[] = []) => {
  const heads = [account, ...otherHeads]
  const calls: TteCall[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', async () => {
      const send = (status: number, json: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json))
      let body: Record<string, unknown>
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>
      } catch {
        return send(400, { status: 400, error: 'Bad Request' })
      }
      calls.push({ path: req.url ?? '', authorization: req.headers.authorization, body })
      if (req.method !== 'POST' || req.url !== '/api/v2/sign/pdf') return send(404, { status: 404, error: 'Not Found' })
      const expected = `Basic ${Buffer.from(`${account.username}:${account.password}`).toString('base64')}`
      if (req.headers.authorization !== expected) return send(401, { status: 401, error: 'Unauthorized' })
      const head = heads.find((h) => h.nik === body.nik)
      if (!head) return send(400, { status_code: 1111, error: 'Pengguna tidak terdaftar' })
      if (body.passphrase !== head.passphrase) return send(400, { status_code: 2031, error: 'Passphrase anda salah' })
      const [property] = body.signatureProperties as { page: number; originX: number; originY: number; width: number; height: number }[]
      const document = await PDFDocument.load(Buffer.from((body.file as string[])[0], 'base64'), { updateMetadata: false })
      pdflibAddPlaceholder({
        pdfPage: document.getPage(property.page - 1),
        reason: 'Dokumen ditandatangani secara elektronik',
        contactInfo: '',
        name: 'BSrE',
        location: 'Indonesia',
        signatureLength: 12_000,
        widgetRect: [property.originX, property.originY, property.originX + property.width, property.originY + property.height],
      })
      const prepared = Buffer.from(await document.save({ useObjectStreams: false }))
      const signed = await new SignPdf().sign(prepared, new P12Signer(readFileSync(head.p12File), { passphrase: head.p12Passphrase }))
      send(200, { file: [signed.toString('base64')], id: ['fake-1'] })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
