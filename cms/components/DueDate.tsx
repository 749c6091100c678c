'use client'
import { getTranslation } from '@payloadcms/translations'
import { useField, useFormFields, useTranslation } from '@payloadcms/ui'
import type { DefaultCellComponentProps, TextFieldClientComponent } from 'payload'
import { asLocale, type Locale } from '../lib/messages'
import { formatWitaDate, isOverdue } from '../lib/wita'
import { translate } from '../messages'
import { isFinal, STATUSES, type Status } from '../resident-services/status'

const isStatus = (value: unknown): value is Status => STATUSES.includes(value as Status)

const DueDate = ({ due, status, language }: { due: unknown; status: unknown; language: Locale }) => {
  // A due date is a WITA calendar day (YYYY-MM-DD), written for people: "7 Des 2026".
  if (typeof due !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(due)) return <span>—</span>
  // A due date passes at midnight in the village, and only matters while the request is open.
  const overdue = isStatus(status) && !isFinal(status) && isOverdue(due)
  return overdue ? (
    <strong style={{ color: '#b42318' }}>
      ⚠ {translate(language, { code: 'admin.overdueDate', params: { date: formatWitaDate(due, language, 'medium') } })}
    </strong>
  ) : (
    <time dateTime={due}>{formatWitaDate(due, language, 'medium')}</time>
  )
}

/** The queue's due date, red and marked when it has passed and the request is still open. */
export const DueDateCell = ({ cellData, rowData }: DefaultCellComponentProps) => {
  const { i18n } = useTranslation()
  return <DueDate due={cellData} status={rowData?.status} language={asLocale(i18n.language)} />
}

/** The due date in the request's sidebar, the same way. */
export const DueDateField: TextFieldClientComponent = ({ field, path }) => {
  const { i18n } = useTranslation()
  const { value } = useField<string>({ path })
  const status = useFormFields(([fields]) => fields.status?.value)
  return (
    <div className="field-type" style={{ marginBottom: '1rem' }}>
      <span className="field-label">{getTranslation(field.label || field.name, i18n)}</span>
      <div>
        <DueDate due={value} status={status} language={asLocale(i18n.language)} />
      </div>
    </div>
  )
}
