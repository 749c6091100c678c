import nodemailer from 'nodemailer'
import type { EmailAdapter, Payload } from 'payload'
import { config } from '../lib/config'

/** Who the village's mail comes from: EMAIL_FROM's address, under its name or else the village's name from the settings. */
export const villageSender = async (payload: Payload) => {
  const { from } = config().email
  if (from.name) return { name: from.name, address: from.address }
  const settings = await payload.findGlobal({ slug: 'settings', depth: 0, overrideAccess: true, select: { name: true } })
  return { name: settings.name?.trim() ?? '', address: from.address }
}

/**
 * Mail over SMTP_URL. Every mail, Payload's own (password resets) too, goes out from the village's sender: nodemailer
 * writes the From header from the name and address, quoting and encoding the name as it needs ("Desa Sungai, Lestari").
 */
export const smtpAdapter =
  (smtpUrl: string): EmailAdapter =>
  ({ payload }) => {
    const transport = nodemailer.createTransport(smtpUrl)
    const { from } = config().email
    return {
      name: 'smtp',
      defaultFromAddress: from.address,
      defaultFromName: from.name ?? '',
      sendEmail: async (message) => transport.sendMail({ ...message, from: await villageSender(payload) }),
    }
  }
