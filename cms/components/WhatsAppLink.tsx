'use client'
import { useFormFields, useTranslation } from '@payloadcms/ui'

/** The prepared WhatsApp message for the resident, as a link the officer opens on their own phone or computer. */
export const WhatsAppLink = () => {
  const link = useFormFields(([fields]) => fields.whatsappLink?.value as string | undefined)
  const { i18n } = useTranslation()
  if (!link) return null
  return (
    <div className="field-type" style={{ marginBottom: '1rem' }}>
      <a className="btn btn--style-secondary btn--size-small" href={link} target="_blank" rel="noopener noreferrer">
        {i18n.language === 'en' ? 'Send the update on WhatsApp' : 'Kirim kabar lewat WhatsApp'}
      </a>
    </div>
  )
}
