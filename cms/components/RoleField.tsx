'use client'
import { SelectField, useAuth, useTranslation } from '@payloadcms/ui'
import type { SelectFieldClientComponent } from 'payload'
import { asLocale } from '../lib/messages'
import { translate } from '../messages'

/**
 * The role select, except on the first-account screen (nobody is signed in yet): that account always
 * becomes the administrator, so the screen says so rather than showing the default role.
 */
export const RoleField: SelectFieldClientComponent = (props) => {
  const { user } = useAuth()
  const { i18n } = useTranslation()
  if (user) return <SelectField {...props} />
  const locale = asLocale(i18n.language)
  return (
    <div className="field-type" style={{ marginBottom: '1.5rem' }}>
      <strong>{translate(locale, { code: 'role.firstAccount' })}</strong>
      <p style={{ margin: '0.25rem 0 0' }}>{translate(locale, { code: 'role.firstAccountNote' })}</p>
    </div>
  )
}
