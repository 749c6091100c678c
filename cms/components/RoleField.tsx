'use client'
import { SelectField, useAuth, useTranslation } from '@payloadcms/ui'
import type { SelectFieldClientComponent } from 'payload'

/**
 * The role select, except on the first-account screen (nobody is signed in yet): that account always
 * becomes the administrator, so the screen says so rather than showing the default role.
 */
export const RoleField: SelectFieldClientComponent = (props) => {
  const { user } = useAuth()
  const { i18n } = useTranslation()
  if (user) return <SelectField {...props} />
  const en = i18n.language === 'en'
  return (
    <div className="field-type" style={{ marginBottom: '1.5rem' }}>
      <strong>{en ? 'Role' : 'Peran'}: Administrator</strong>
      <p style={{ margin: '0.25rem 0 0' }}>
        {en
          ? 'The first account administers the village site and creates the other accounts.'
          : 'Akun pertama mengelola situs desa dan membuat akun lainnya.'}
      </p>
    </div>
  )
}
