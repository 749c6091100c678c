import { whatsappLink } from '../lib/phone'

/** A wa.me link that opens a chat with the buyer, prefilled with a note about their order. */
export const buyerWhatsAppLink = (phone: string, number: string, name = '') =>
  whatsappLink(phone, `Halo${name ? ` ${name}` : ''}, kami dari toko desa, tentang pesanan ${number}: `)
