'use client'
import { getTranslation } from '@payloadcms/translations'
import { useField, useTranslation } from '@payloadcms/ui'
import type { DateFieldClientComponent, DefaultCellComponentProps } from 'payload'
import { asLocale } from '../lib/messages'
import { formatWitaDateTime } from '../lib/wita'

const inWita = (value: unknown, language: string) =>
  typeof value === 'string' && value && !Number.isNaN(Date.parse(value)) ? formatWitaDateTime(value, asLocale(language)) : ''

/** A list cell with the instant in WITA, 24-hour, e.g. "1 Des 2026, 17.14 WITA". */
export const WitaDateCell = ({ cellData }: DefaultCellComponentProps) => {
  const { i18n } = useTranslation()
  return <span>{inWita(cellData, i18n.language)}</span>
}

/** A recorded instant in the edit view, as text in WITA (it is never edited). */
export const WitaDateField: DateFieldClientComponent = ({ field, path }) => {
  const { i18n } = useTranslation()
  const { value } = useField<string>({ path })
  const text = inWita(value, i18n.language)
  return (
    <div className="field-type wita-date" style={{ marginBottom: 'var(--spacing-field, 1rem)' }}>
      <span className="field-label">{getTranslation(field.label || field.name, i18n)}</span>
      <div>{text ? <time dateTime={value}>{text}</time> : '—'}</div>
    </div>
  )
}
