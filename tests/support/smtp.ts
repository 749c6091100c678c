import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

/** A mail as a client shows it: recipients, subject, and the message with quoted-printable wrapping undone. */
export type ReceivedMail = { to: string[]; subject: string; text: string }

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
        const text = Buffer.concat(chunks)
          .toString()
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: /^Subject: (.*)$/m.exec(text)?.[1]?.trim() ?? '', text })
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
