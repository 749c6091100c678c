import type { PayloadRequest } from 'payload'

export type Localized = { id: string; en: string }

/** Pick the message in the admin user's language (Indonesian unless they chose English). */
export const localize = (req: Pick<PayloadRequest, 'i18n'> | undefined, message: Localized): string =>
  req?.i18n?.language === 'en' ? message.en : message.id
