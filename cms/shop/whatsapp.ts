import { DEFAULT_LOCALE, type Locale } from '../lib/messages'
import { whatsappLink } from '../lib/phone'
import { translate } from '../messages'

/** A wa.me link that opens a chat with the buyer, prefilled with a note about their order in the language they ordered in. */
export const buyerWhatsAppLink = (phone: string, number: string, name = '', locale: Locale = DEFAULT_LOCALE) =>
  whatsappLink(
    phone,
    translate(locale, name ? { code: 'whatsapp.buyer', params: { name, number } } : { code: 'whatsapp.buyerUnnamed', params: { number } }),
  )
