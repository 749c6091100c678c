'use client'
import { useFormFields, useTranslation } from '@payloadcms/ui'
import { asLocale } from '../lib/messages'
import { translate } from '../messages'
import { buyerWhatsAppLink } from '../shop/whatsapp'

/** One click from the admin's order view to a WhatsApp chat with the buyer, about this order, in the language they ordered in. */
export const BuyerWhatsApp = () => {
  const { i18n } = useTranslation()
  const phone = useFormFields(([fields]) => fields['buyer.phone']?.value as string | undefined)
  const name = useFormFields(([fields]) => fields['buyer.name']?.value as string | undefined)
  const number = useFormFields(([fields]) => fields.number?.value as string | undefined)
  const locale = useFormFields(([fields]) => fields.locale?.value)
  const link = phone && number ? buyerWhatsAppLink(phone, number, name, asLocale(locale)) : null
  if (!link) return null
  return (
    <p style={{ margin: '0 0 1.5rem' }}>
      <a className="btn btn--style-secondary btn--size-small" href={link} target="_blank" rel="noopener noreferrer">
        {translate(asLocale(i18n.language), { code: 'admin.messageBuyer' })}
      </a>
    </p>
  )
}
