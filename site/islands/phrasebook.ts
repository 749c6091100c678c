import { fill, type Message } from '../../cms/lib/messages'

/** An island's texts in the page's language, by code, as the server's `phrasebook` gave them. */
export type Phrasebook = Readonly<Record<string, string>>

/** A message in the page's language, its placeholders filled (a message inside one too). */
export const say = (book: Phrasebook, message: Message | string): string => {
  const { code, params } = typeof message === 'string' ? { code: message, params: undefined } : message
  return fill(book[code] ?? code, params, (inner) => say(book, inner))
}
