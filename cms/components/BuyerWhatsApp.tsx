'use client'
import { useFormFields, useTranslation } from '@payloadcms/ui'
import { buyerWhatsAppLink } from '../shop/whatsapp'

/** One click from the admin's order view to a WhatsApp chat with the buyer, about this order. */
export const BuyerWhatsApp = () => {
  const { i18n } = useTranslation()
  const phone = useFormFields(([fields]) => fields['buyer.phone']?.value as string | undefined)
  const name = useFormFields(([fields]) => fields['buyer.name']?.value as string | undefined)
  const number = useFormFields(([fields]) => fields.number?.value as string | undefined)
  const link = phone && number ? buyerWhatsAppLink(phone, number, name) : null
  if (!link) return null
  return (
    <p style={{ margin: '0 0 1.5rem' }}>
      <a className="btn btn--style-secondary btn--size-small" href={link} target="_blank" rel="noopener noreferrer">
        {i18n.language === 'en' ? 'Message the buyer on WhatsApp' : 'Kirim WhatsApp ke pembeli'}
      </a>
    </p>
  )
}
