import { absoluteUrl } from '../lib/urls'
import { normalizePhone } from '../resident-services/mask'
import { STATUS_LABELS, type Status } from '../resident-services/status'

/** A wa.me click-to-chat link with the message prefilled, for the officer to send from their own phone. */
export const whatsappLink = (phone: string, text: string) => `https://wa.me/${normalizePhone(phone)}?text=${encodeURIComponent(text)}`

export const statusMessage = ({ reference, status, note }: { reference: string; status: Status; note?: string | null }) =>
  [
    `Permohonan ${reference}: status sekarang "${STATUS_LABELS[status].id}".`,
    note ? `Pesan petugas: ${note}` : '',
    `Lacak di ${absoluteUrl('/layanan/lacak')} dengan nomor referensi dan 4 digit terakhir nomor HP Anda.`,
  ]
    .filter(Boolean)
    .join('\n')

export const whatsappStatusLink = (args: { phone: string; reference: string; status: Status; note?: string | null }) =>
  whatsappLink(args.phone, statusMessage(args))
