/** A run of plain text in a rich-text body. */
export const textNode = (text: string) => ({ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 })

/** A link in a rich-text body: `fields` as the editor's link dialog stores them (an address or a linked document). */
export const linkNode = (fields: object, text: string) => ({
  type: 'link',
  version: 3,
  direction: null,
  format: '' as const,
  indent: 0,
  fields,
  children: [textNode(text)],
})

/** A rich-text body of one paragraph of these nodes, as the admin's editor stores it. */
export const paragraphOf = (...children: object[]) => ({
  root: {
    type: 'root',
    version: 1,
    direction: null,
    format: '' as const,
    indent: 0,
    children: [{ type: 'paragraph', version: 1, direction: null, format: '' as const, indent: 0, textFormat: 0, textStyle: '', children }],
  },
})

/** A rich-text body of one paragraph of text. */
export const paragraph = (text: string) => paragraphOf(textNode(text))
