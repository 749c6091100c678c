import { getTranslation } from '@payloadcms/translations'
import type { JSONFieldServerComponent } from 'payload'
import { asLocale } from '../lib/messages'
import { idOf } from '../lib/relation'
import { APPLICANT_COLUMNS } from '../resident-services/corrections'
import { formFieldsOf } from '../resident-services/requests'
import { AnswersTable } from './AnswersTable'
import type { AnswerField } from './shared/AnswersTable'

const APPLICANT_FORM_FIELDS: string[] = Object.values(APPLICANT_COLUMNS).map((c) => c.form)

/**
 * A request's answers as a table labelled by its service's form, in the editor's language (rendered on
 * the server, so nothing is loaded from elsewhere); while the request is open staff may correct them.
 */
export const AnswersField: JSONFieldServerComponent = async ({ data, field, i18n, path, payload, readOnly }) => {
  const language = asLocale(i18n.language)
  const serviceId = idOf(data?.service)
  const service = serviceId
    ? await payload.findByID({
        collection: 'services',
        id: serviceId,
        depth: 0,
        locale: language,
        overrideAccess: true,
        disableErrors: true,
      })
    : null
  const fields: AnswerField[] = service
    ? formFieldsOf(service, language)
        .filter((f) => f.type !== 'file' && !APPLICANT_FORM_FIELDS.includes(f.name))
        .map(({ name, label, type, options }) => ({ name, label, type, options: options ?? null }))
    : []
  return (
    <AnswersTable
      path={path}
      label={getTranslation(field.label || field.name, i18n)}
      fields={fields}
      readOnly={Boolean(readOnly)}
      language={language}
    />
  )
}
