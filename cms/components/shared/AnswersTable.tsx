import type { CSSProperties, ReactNode } from 'react'
import type { FormField } from '../../resident-services/formFields'

export type AnswerField = Pick<FormField, 'name' | 'label' | 'type' | 'options'>

/**
 * A request's answers as a table labelled by its service's form: the officer's view of a request in the
 * admin (cms/components/AnswersTable.tsx, NIK masked, correctable) and the resident's "check your answers"
 * on the site (site/islands/ServiceRequest.tsx). Answers to fields the form no longer has are shown by
 * their name. No hooks and no Payload imports, so both the admin and an Astro island render it.
 */
export const LabelledAnswers = ({
  fields,
  answers,
  show,
  labelOf = (field) => field.label,
  labelledBy,
  className,
  tableStyle,
  cellStyle,
}: {
  fields: AnswerField[]
  answers: Record<string, string>
  /** An answer as this reader sees it (a select's label, a date written out, a NIK masked or not, an input). */
  show: (field: AnswerField, value: string) => ReactNode
  /** A row's heading: the field's label unless said (the admin's correction mode labels its inputs). */
  labelOf?: (field: AnswerField) => ReactNode
  labelledBy?: string
  className?: string
  /** The admin styles its table inline (it has no stylesheet of its own); the site uses its CSS. */
  tableStyle?: CSSProperties
  cellStyle?: CSSProperties
}) => {
  const rows: AnswerField[] = [
    ...fields,
    ...Object.keys(answers)
      .filter((name) => !fields.some((f) => f.name === name))
      .map((name) => ({ name, label: name, type: 'text' as const, options: null })),
  ]
  return (
    <table aria-labelledby={labelledBy} className={className} style={tableStyle}>
      <tbody>
        {rows.map((field) => (
          <tr key={field.name}>
            <th scope="row" style={cellStyle && { ...cellStyle, width: '40%', fontWeight: 500 }}>
              {labelOf(field)}
            </th>
            <td style={cellStyle} data-answer={field.name}>
              {show(field, answers[field.name] ?? '')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
