/** A wa.me link that opens a chat with the buyer, prefilled with a note about their order. */
export const buyerWhatsAppLink = (phone: string, number: string, name = '') =>
  `https://wa.me/${phone.replace(/\D/g, '')}?text=${encodeURIComponent(`Halo${name ? ` ${name}` : ''}, kami dari toko desa, tentang pesanan ${number}: `)}`
