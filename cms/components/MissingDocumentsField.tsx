import { getTranslation } from '@payloadcms/translations'
import type { JSONFieldServerComponent } from 'payload'
import { asLocale } from '../lib/messages'
import { idOf } from '../lib/relation'
import { formFieldsOf } from '../resident-services/requests'
import { DocumentChoice } from './DocumentChoice'

/** When returning a request: the service's uploads (its documents) as boxes to tick, in the editor's language. */
export const MissingDocumentsField: JSONFieldServerComponent = async ({ data, field, i18n, path, payload, readOnly }) => {
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
  const documents = service
    ? formFieldsOf(service, language)
        .filter((f) => f.type === 'file')
        .map(({ name, label }) => ({ name, label }))
    : []
  const description = field.admin?.description
  return (
    <DocumentChoice
      path={path}
      label={getTranslation(field.label || field.name, i18n)}
      description={typeof description === 'object' || typeof description === 'string' ? getTranslation(description, i18n) : ''}
      documents={documents}
      readOnly={Boolean(readOnly)}
    />
  )
}
