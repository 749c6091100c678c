import { DEFAULT_LOCALE, type Locale } from '../lib/messages'
import { translate } from '../messages'

/** A wa.me link that opens a chat with the buyer, prefilled with a note about their order in the language they ordered in. */
export const buyerWhatsAppLink = (phone: string, number: string, name = '', locale: Locale = DEFAULT_LOCALE) => {
  const text = translate(
    locale,
    name ? { code: 'whatsapp.buyer', params: { name, number } } : { code: 'whatsapp.buyerUnnamed', params: { number } },
  )
  return `https://wa.me/${phone.replace(/\D/g, '')}?text=${encodeURIComponent(text)}`
}
