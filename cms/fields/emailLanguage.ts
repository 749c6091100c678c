import type { SelectField } from 'payload'
import { L } from '../lib/localize'
import { DEFAULT_LOCALE } from '../lib/messages'

/** The language an account's emails are written in (an account's own, or the first administrator's invitation). */
export const emailLanguageField = (admin: SelectField['admin'] = {}): SelectField => ({
  name: 'language',
  type: 'select',
  defaultValue: DEFAULT_LOCALE,
  label: L('Bahasa email', 'Email language'),
  options: [
    { value: 'id', label: L('Bahasa Indonesia', 'Indonesian') },
    { value: 'en', label: L('Bahasa Inggris', 'English') },
  ],
  admin,
})
