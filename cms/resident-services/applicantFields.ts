import type { Locale } from '../lib/messages'
import { translate } from '../messages'
import type { FormField } from './formFields'
import type { ResidentServicesMessage } from './messages'

/** The applicant's own fields, asked on every form before the service's fields, in the page's language. */
export const applicantFields = (locale: Locale = 'id'): FormField[] => {
  const t = (message: ResidentServicesMessage) => translate(locale, message)
  return [
    { name: 'nama', label: t({ code: 'applicant.name' }), type: 'text', required: true },
    { name: 'nik', label: t({ code: 'applicant.nik' }), type: 'nik', required: true, help: t({ code: 'applicant.nikHelp' }) },
    {
      name: 'telepon',
      label: t({ code: 'applicant.phone' }),
      type: 'phone',
      required: true,
      help: t({ code: 'applicant.phoneHelp' }),
    },
    { name: 'email', label: t({ code: 'applicant.email' }), type: 'email', required: false, help: t({ code: 'applicant.emailHelp' }) },
    { name: 'alamat', label: t({ code: 'applicant.address' }), type: 'textarea', required: true },
  ]
}
