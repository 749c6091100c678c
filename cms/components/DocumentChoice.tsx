'use client'
import { useField } from '@payloadcms/ui'

/** A ticked list of documents (by upload field name) held in a JSON field. */
export const DocumentChoice = ({
  path,
  label,
  description,
  documents,
  readOnly,
}: {
  path: string
  label: string
  description: string
  documents: { name: string; label: string }[]
  readOnly: boolean
}) => {
  const { value, setValue } = useField<string[] | null>({ path })
  const chosen = Array.isArray(value) ? value : []
  const toggle = (name: string, on: boolean) =>
    setValue(on ? [...chosen.filter((n) => n !== name), name] : chosen.filter((n) => n !== name))
  return (
    <fieldset className="field-type document-choice" style={{ border: 0, padding: 0, margin: '0 0 1rem' }}>
      <legend className="field-label">{label}</legend>
      {documents.map((document) => (
        <label key={document.name} style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', margin: '0.25rem 0' }}>
          <input
            type="checkbox"
            name={`${path}.${document.name}`}
            checked={chosen.includes(document.name)}
            disabled={readOnly}
            onChange={(e) => toggle(document.name, e.target.checked)}
          />
          {document.label}
        </label>
      ))}
      {description && <p className="field-description">{description}</p>}
    </fieldset>
  )
}
