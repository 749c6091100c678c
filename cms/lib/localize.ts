import type { PayloadRequest } from 'payload'

export type Localized = { id: string; en: string }

/** A label or message in both admin languages. */
export const L = (id: string, en: string): Localized => ({ id, en })

/** Pick the message in the admin user's language (Indonesian unless they chose English). */
export const localize = (req: Pick<PayloadRequest, 'i18n'> | undefined, message: Localized): string =>
  req?.i18n?.language === 'en' ? message.en : message.id
