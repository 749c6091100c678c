import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

/**
 * A mail as a client shows it: recipients, subject, and the message with quoted-printable wrapping undone; `from` is
 * the raw From header as it came over the wire (folded lines joined), `sender` the envelope's MAIL FROM.
 */
export type ReceivedMail = { to: string[]; subject: string; text: string; from: string; sender: string }

/** Quoted-printable undone, the bytes read as UTF-8 (what nodemailer writes). */
const quotedPrintable = (raw: string) =>
  Buffer.from(
    raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8')

/** A header's RFC 2047 encoded words (=?UTF-8?Q?…?= or =?UTF-8?B?…?=) decoded. */
const encodedWords = (header: string) =>
  header
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_, kind: string, data: string) =>
      kind.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : quotedPrintable(data.replace(/_/g, ' ')),
    )

/** A real SMTP server on loopback (Payload's nodemailer adapter reaches it through SMTP_URL) keeping every mail. */
export const smtpInbox = () => {
  const mails: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1')
        const headers = raw.slice(0, raw.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, ' ')
        const text = quotedPrintable(raw).replace(/\r\n/g, '\n')
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: encodedWords(/^Subject: (.*)$/im.exec(headers)?.[1]?.trim() ?? ''),
          text,
          from: /^From: (.*)$/im.exec(headers)?.[1]?.trim() ?? '',
          sender: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        })
        callback()
      })
    },
  })
  return {
    mails,
    /** Starts listening (on a free port unless one is given); resolves with the port. */
    listen: (port = 0) =>
      new Promise<number>((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
