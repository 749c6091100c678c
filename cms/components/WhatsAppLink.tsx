'use client'
import { useFormFields, useTranslation } from '@payloadcms/ui'
import { asLocale } from '../lib/messages'
import { translate } from '../messages'

/** The prepared WhatsApp message for the resident, as a link the officer opens on their own phone or computer. */
export const WhatsAppLink = () => {
  const { i18n } = useTranslation()
  const link = useFormFields(([fields]) => fields.whatsappLink?.value as string | undefined)
  if (!link) return null
  return (
    <div className="field-type" style={{ marginBottom: '1rem' }}>
      <a className="btn btn--style-secondary btn--size-small" href={link} target="_blank" rel="noopener noreferrer">
        {translate(asLocale(i18n.language), { code: 'admin.whatsapp' })}
      </a>
    </div>
  )
}
