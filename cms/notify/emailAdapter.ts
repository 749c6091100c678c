import nodemailer from 'nodemailer'
import type { EmailAdapter, Payload } from 'payload'
import { config } from '../lib/config'
import { villageInScope } from '../villages/resolve'
import { settingsOf } from '../villages/settings'

/**
 * Who the village's mail comes from: EMAIL_FROM's address, under its name or else the name of the village in scope
 * (the request's, or the one an outbox email is from), from its settings.
 */
export const villageSender = async (payload: Payload) => {
  const { from } = config().email
  if (from.name) return { name: from.name, address: from.address }
  const village = await villageInScope(payload)
  const settings = village ? await settingsOf(payload, village.id, { depth: 0 }) : null
  return { name: settings?.name.trim() ?? '', address: from.address }
}

/**
 * Mail over SMTP_URL. Every mail, Payload's own (password resets) too, goes out from the village's sender: nodemailer
 * writes the From header from the name and address, quoting and encoding the name as it needs ("Desa Sungai, Lestari").
 */
const smtpAdapter =
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

/**
 * The village's mail, chosen each time Payload starts: over SMTP_URL when it is set, else only written to the log
 * (development and tests without a mail server).
 */
export const villageEmail: EmailAdapter = (args) => {
  const { smtpUrl, from } = config().email
  if (smtpUrl) return smtpAdapter(smtpUrl)(args)
  return {
    name: 'log',
    defaultFromAddress: from.address,
    defaultFromName: from.name ?? '',
    sendEmail: async (message) =>
      args.payload.logger.info(`Email not sent, SMTP_URL is not set: "${message.subject}" to ${String(message.to)}`),
  }
}
