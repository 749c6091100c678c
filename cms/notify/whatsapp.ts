import { normalizePhone } from '../resident-services/mask'
import { STATUS_LABELS, type Status } from '../resident-services/status'

/** A wa.me click-to-chat link with the message prefilled, for the officer to send from their own phone. */
export const whatsappLink = (phone: string, text: string) => `https://wa.me/${normalizePhone(phone)}?text=${encodeURIComponent(text)}`

/** The status message; the note is the officer's, or the resident's own reply when `byResident`. */
export const statusMessage = ({
  reference,
  status,
  note,
  byResident = false,
}: {
  reference: string
  status: Status
  note?: string | null
  byResident?: boolean
}) =>
  [
    `Permohonan ${reference}: status sekarang "${STATUS_LABELS[status].id}".`,
    note ? `${byResident ? 'Tanggapan Anda' : 'Pesan petugas'}: ${note}` : '',
    `Lacak di ${process.env.PUBLIC_URL || ''}/layanan/lacak dengan nomor referensi dan 4 digit terakhir nomor HP Anda.`,
  ]
    .filter(Boolean)
    .join('\n')

export const whatsappStatusLink = (args: Parameters<typeof statusMessage>[0] & { phone: string }) =>
  whatsappLink(args.phone, statusMessage(args))
