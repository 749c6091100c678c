import type { ResidentServicesMessage } from './messages'
import type { LetterSigner, LetterSignRequest } from './signing'
import { TransitionRefused } from './status'

export type TteSettings = { url: string; username: string; password: string; nik: string; passphrase: string }

const refused = (reason: ResidentServicesMessage) => new TransitionRefused({ code: 'tte.refused', params: { reason } })

/** The provider's own words, if its answer has any. */
const reasonOf = (body: unknown): string | undefined => {
  if (!body || typeof body !== 'object') return undefined
  const { error, message } = body as { error?: unknown; message?: unknown }
  return [message, error].find((v): v is string => typeof v === 'string' && v.length > 0)
}

/**
 * A remote signing service of the kind Indonesian TTE providers run (BSrE's esign API v2): the PDF, the
 * signer's NIK and passphrase and a visible QR image at the letter's QR box are POSTed to /api/v2/sign/pdf
 * with the client's Basic credentials; the signed PDF comes back, base64, in `file[0]`. The signature is made
 * with the certificate the provider holds for that NIK.
 */
export class TteSigner implements LetterSigner {
  constructor(private readonly settings: TteSettings) {}

  async sign(request: LetterSignRequest): Promise<Uint8Array> {
    const { seal } = request
    const body = {
      nik: this.settings.nik,
      passphrase: this.settings.passphrase,
      signatureProperties: [
        {
          tampilan: 'VISIBLE',
          imageBase64: Buffer.from(request.qrPng).toString('base64'),
          // Pages count from 1; the box is in PDF points from the page's bottom left corner.
          page: seal.page + 1,
          originX: seal.x,
          originY: seal.y,
          width: seal.width,
          height: seal.height,
          location: request.location,
          reason: request.reason,
        },
      ],
      file: [Buffer.from(request.pdf).toString('base64')],
    }
    let response: Response
    try {
      response = await fetch(new URL('api/v2/sign/pdf', this.settings.url.replace(/\/?$/, '/')), {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          Authorization: `Basic ${Buffer.from(`${this.settings.username}:${this.settings.password}`).toString('base64')}`,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      })
    } catch (err) {
      const cause = (err as Error).message
      throw refused({ code: 'tte.unreachable', params: { cause } })
    }
    const answer: unknown = await response.json().catch(() => null)
    if (!response.ok) {
      const said = `HTTP ${response.status}${reasonOf(answer) ? `: ${reasonOf(answer)}` : ''}`
      throw refused({ code: 'tte.answered', params: { said } })
    }
    const signed = (answer as { file?: unknown[] } | null)?.file?.[0]
    const pdf = typeof signed === 'string' ? Buffer.from(signed, 'base64') : null
    if (!pdf || pdf.subarray(0, 5).toString() !== '%PDF-' || !pdf.includes('/ByteRange')) {
      throw refused({ code: 'tte.notSigned' })
    }
    return pdf
  }
}
