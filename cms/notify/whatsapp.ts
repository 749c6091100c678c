import { whatsappLink } from '../lib/phone'
import { absoluteUrl } from '../lib/urls'
import { STATUS_LABELS, type Status } from '../resident-services/status'

export const statusMessage = ({ reference, status, note }: { reference: string; status: Status; note?: string | null }) =>
  [
    `Permohonan ${reference}: status sekarang "${STATUS_LABELS[status].id}".`,
    note ? `Pesan petugas: ${note}` : '',
    `Lacak di ${absoluteUrl('/layanan/lacak')} dengan nomor referensi dan 4 digit terakhir nomor HP Anda.`,
  ]
    .filter(Boolean)
    .join('\n')

/** The status message as a wa.me link for the officer to send from their own phone. */
export const whatsappStatusLink = (args: { phone: string; reference: string; status: Status; note?: string | null }) =>
  whatsappLink(args.phone, statusMessage(args))
