import { fileRule, NIK_PATTERN, type FormField } from '../../cms/resident-services/formFields'
import { say, type Phrasebook } from './phrasebook'

/** The texts a field shows besides its own label and help. */
export const FIELD_TEXTS = [
  'form.optional',
  'form.choose',
  'form.fileKept',
  'form.fileChosen',
  'form.fileTypes',
  'form.maxPhoto',
  'form.maxDocument',
] as const

type Props = {
  field: FormField
  value: string
  error?: string
  /** The server keeps a file for this field (its `pending` token), or the browser holds a chosen one. */
  kept?: { token?: string; name?: string }
  texts: Phrasebook
  onValue?: (value: string) => void
  onFile?: (file: File | null) => void
}

const INPUT_TYPE: Partial<Record<FormField['type'], string>> = {
  text: 'text',
  number: 'text',
  date: 'date',
  nik: 'text',
  phone: 'tel',
  email: 'email',
}
const INPUT_MODE: Partial<Record<FormField['type'], 'decimal' | 'numeric' | 'tel'>> = { number: 'decimal', nik: 'numeric', phone: 'tel' }
const AUTOCOMPLETE: Record<string, string> = { nama: 'name', telepon: 'tel', email: 'email' }

const megabytes = (bytes: number) => `${Math.round((bytes / 1048576) * 10) / 10} MB`

/**
 * One field of a CMS-defined request form, with its help text, the resident's value and its error. Rendered
 * on the server it is a plain input of a plain form; hydrated, its value and file go to the island's state.
 */
export const FieldInput = ({ field, value, error, kept, texts, onValue, onFile }: Props) => {
  const id = `f-${field.name}`
  const describedBy = [field.help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ') || undefined
  const rule = field.type === 'file' ? fileRule(field) : null
  const hasFile = Boolean(kept?.token || kept?.name)
  const required = Boolean(field.required) && !(field.type === 'file' && hasFile)
  const invalid = error ? true : undefined
  const common = { id, name: field.name, required, 'aria-describedby': describedBy, 'aria-invalid': invalid }
  const change = (e: { target: { value: string } }) => onValue?.(e.target.value)
  // Photos may be camera-sized (they are shrunk); a PDF keeps the field's own limit.
  const limits = rule
    ? [
        rule.types.some((type) => type.startsWith('image/')) && `${say(texts, 'form.maxPhoto')} ${megabytes(rule.maxImageBytes)}`,
        rule.types.includes('application/pdf') && `${say(texts, 'form.maxDocument')} ${megabytes(rule.maxBytes)}`,
      ]
        .filter(Boolean)
        .join(', ')
    : ''
  const type = INPUT_TYPE[field.type]
  return (
    <div className={`field${error ? ' field-error' : ''}`} data-field={field.name} data-type={field.type}>
      {field.type === 'checkbox' ? (
        <label className="check">
          <input
            type="checkbox"
            {...common}
            checked={value === 'on' || value === 'true'}
            onChange={(e) => onValue?.(e.target.checked ? 'on' : '')}
          />
          {field.label}
        </label>
      ) : (
        <label htmlFor={id}>
          {field.label} {!field.required && <span className="hint">{say(texts, 'form.optional')}</span>}
        </label>
      )}
      {field.help && (
        <p className="hint" id={`${id}-help`}>
          {field.help}
        </p>
      )}
      {error && (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {field.type === 'textarea' && <textarea {...common} rows={3} maxLength={2000} value={value} onChange={change} />}
      {field.type === 'select' && (
        <select {...common} value={value} onChange={change}>
          <option value="">{say(texts, 'form.choose')}</option>
          {field.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
      {rule && (
        <>
          {kept?.token && (
            <p className="kept">
              ✓ {say(texts, 'form.fileKept')}
              <input type="hidden" name="pending" value={`${field.name}:${kept.token}`} />
            </p>
          )}
          {kept?.name && !kept.token && <p className="kept">✓ {say(texts, { code: 'form.fileChosen', params: { name: kept.name } })}</p>}
          <p className="hint">
            {say(texts, 'form.fileTypes')}: {rule.typeNames}; {limits}
          </p>
          <input type="file" {...common} accept={rule.types.join(',')} onChange={(e) => onFile?.(e.target.files?.[0] ?? null)} />
        </>
      )}
      {type && (
        <input
          type={type}
          {...common}
          value={value}
          onChange={change}
          inputMode={INPUT_MODE[field.type]}
          pattern={field.type === 'nik' ? NIK_PATTERN : undefined}
          maxLength={field.type === 'date' ? undefined : field.type === 'nik' ? 16 : 200}
          autoComplete={AUTOCOMPLETE[field.name]}
        />
      )}
    </div>
  )
}
