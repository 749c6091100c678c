'use client'
import { Button, useField } from '@payloadcms/ui'
import { useState } from 'react'
import type { Locale } from '../lib/messages'
import { translate } from '../messages'
import { LabelledAnswers, type AnswerField } from './shared/AnswersTable'
import { shownAnswer } from '../resident-services/letterValues'

type Answers = Record<string, string>

const cell = {
  padding: '0.4rem 0.75rem',
  borderBottom: '1px solid var(--theme-elevation-150)',
  textAlign: 'left',
  verticalAlign: 'top',
} as const

/** One answer as an input of its type, labelled by its field; a NIK starts empty (it is shown masked) and keeps its value unless retyped. */
const AnswerInput = ({
  field,
  id,
  value,
  original,
  keep,
  onChange,
}: {
  field: AnswerField
  id: string
  value: string
  original: string
  keep: string
  onChange: (value: string) => void
}) => {
  const style = { width: '100%', padding: '0.35rem', font: 'inherit' }
  switch (field.type) {
    case 'textarea':
      return <textarea id={id} rows={3} value={value} onChange={(e) => onChange(e.target.value)} style={style} />
    case 'select':
      return (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)} style={style}>
          <option value="">—</option>
          {field.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )
    case 'checkbox':
      return (
        <input
          id={id}
          type="checkbox"
          checked={value === 'on' || value === 'true'}
          onChange={(e) => onChange(e.target.checked ? 'on' : '')}
        />
      )
    case 'nik':
      return (
        <input
          id={id}
          type="text"
          inputMode="numeric"
          maxLength={16}
          placeholder={`${keep} ${shownAnswer(field, original)}`}
          value={value === original ? '' : value}
          onChange={(e) => onChange(e.target.value || original)}
          style={style}
        />
      )
    default:
      return (
        <input
          id={id}
          type={field.type === 'date' ? 'date' : 'text'}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          style={style}
        />
      )
  }
}

/** The answers as a labelled table (select labels, dates written out, NIK masked); "Correct" turns it into inputs. */
export const AnswersTable = ({
  path,
  label,
  fields,
  readOnly,
  language,
}: {
  path: string
  label: string
  fields: AnswerField[]
  readOnly: boolean
  language: Locale
}) => {
  const { value, setValue, initialValue } = useField<Answers>({ path })
  const [editing, setEditing] = useState(false)
  const t = (code: 'admin.answers.correct' | 'admin.answers.done' | 'admin.answers.none' | 'admin.answers.keep') =>
    translate(language, { code })
  const answers = value ?? {}
  const original = initialValue ?? {}
  const empty = fields.length === 0 && Object.keys(answers).length === 0
  return (
    <div className="field-type answers-table" style={{ marginBottom: '1.5rem' }}>
      <span className="field-label" id={`${path}-label`}>
        {label}
      </span>
      {empty ? (
        <p>{t('admin.answers.none')}</p>
      ) : (
        <LabelledAnswers
          fields={fields}
          answers={answers}
          labelledBy={`${path}-label`}
          tableStyle={{ width: '100%', borderCollapse: 'collapse' }}
          cellStyle={cell}
          labelOf={(field) => (editing ? <label htmlFor={`answer-${field.name}`}>{field.label}</label> : field.label)}
          show={(field, answer) =>
            editing ? (
              <AnswerInput
                field={field}
                id={`answer-${field.name}`}
                value={answer}
                original={original[field.name] ?? ''}
                keep={t('admin.answers.keep')}
                onChange={(next) => setValue({ ...answers, [field.name]: next })}
              />
            ) : (
              shownAnswer(field, answer, language) || '—'
            )
          }
        />
      )}
      {!readOnly && !empty && (
        <Button buttonStyle="secondary" size="small" onClick={() => setEditing(!editing)}>
          {editing ? t('admin.answers.done') : t('admin.answers.correct')}
        </Button>
      )}
    </div>
  )
}
