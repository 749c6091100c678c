import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib'
import { SignPdf } from '@signpdf/signpdf'
import { P12Signer } from '@signpdf/signer-p12'
import { PDFDocument } from 'pdf-lib'
import { certificateOfP12 } from './certificates'
import type { LetterSigner, LetterSignRequest } from './signing'
import { TransitionRefused } from './status'

// Room for the CMS signature: an RSA-3072 signature with a two-certificate chain is about 3 KB.
const SIGNATURE_BYTES = 12_000

// The signature dictionary's text strings are written as PDFDocEncoding by the placeholder library: keep
// them to ASCII (the letter itself, and the certificate, carry the name exactly).
const ascii = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[Đđ]/g, (c) => (c === 'Đ' ? 'D' : 'd'))
    .replace(/[^\x20-\x7e]/g, '?')

/**
 * Signs on this server with the head's PKCS#12 (certificate and private key): an invisible-appearance
 * signature field over the QR code, and a CMS detached signature (adbe.pkcs7.detached, SHA-256) whose
 * /ByteRange covers the whole file.
 */
export class LocalCertificateSigner implements LetterSigner {
  constructor(private readonly settings: { p12: Uint8Array; passphrase: string }) {}

  async sign(request: LetterSignRequest): Promise<Uint8Array> {
    const { p12 } = this.settings
    let certificate
    try {
      certificate = certificateOfP12(p12, this.settings.passphrase)
    } catch {
      throw new TransitionRefused({ code: 'signer.unreadable' })
    }
    if (certificate.validity.notAfter < request.signedAt || certificate.validity.notBefore > request.signedAt) {
      throw new TransitionRefused({ code: 'signer.expired' })
    }
    const document = await PDFDocument.load(request.pdf, { updateMetadata: false })
    const { seal } = request
    pdflibAddPlaceholder({
      pdfPage: document.getPage(seal.page),
      reason: ascii(request.reason),
      contactInfo: '',
      name: ascii(request.signerName),
      location: ascii(request.location),
      signingTime: request.signedAt,
      signatureLength: SIGNATURE_BYTES,
      widgetRect: [seal.x, seal.y, seal.x + seal.width, seal.y + seal.height],
      appName: 'Desa Digital',
    })
    const prepared = Buffer.from(await document.save({ useObjectStreams: false }))
    return new SignPdf().sign(prepared, new P12Signer(Buffer.from(p12), { passphrase: this.settings.passphrase }), request.signedAt)
  }
}
