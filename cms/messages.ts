import type { PayloadRequest } from 'payload'
import * as api from './api/messages'
import * as auth from './auth/messages'
import * as fields from './fields/messages'
import * as uploads from './hooks/messages'
import { asLocale, translator, type Locale } from './lib/messages'
import * as podcast from './podcast/messages'
import * as regency from './regency/messages'
import * as residentServices from './resident-services/messages'
import * as shop from './shop/messages'
import * as villages from './villages/messages'

/** Every domain's catalogue: the back office translates from these, and the site adds its own interface texts to them. */
export const CATALOGUES = [api, auth, fields, uploads, podcast, regency, residentServices, shop, villages] as const

/** A message of any domain. */
export type CmsMessage =
  | api.ApiMessage
  | auth.AuthMessage
  | fields.FieldMessage
  | uploads.UploadMessage
  | podcast.PodcastMessage
  | regency.RegencyMessage
  | residentServices.ResidentServicesMessage
  | shop.ShopMessage
  | villages.VillageMessage

/** A domain message in a language: an email's or a WhatsApp text's in the recipient's. */
export const translate: (locale: Locale, message: CmsMessage) => string = translator(CATALOGUES)

/** A domain message in the editor's language (Indonesian unless they chose English in the admin). */
export const localize = (req: Pick<PayloadRequest, 'i18n'> | undefined, message: CmsMessage): string =>
  translate(asLocale(req?.i18n?.language), message)
