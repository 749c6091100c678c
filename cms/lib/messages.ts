/**
 * The one message system. Every text a person reads lives in a typed catalogue, in Indonesian and English,
 * under a code. Domain code never builds sentences: it returns a message, `{ code, params }`, and whoever
 * shows it puts it in a language: the admin in the editor's, the site in the visitor's, an email or a
 * WhatsApp text in the language the resident or buyer used.
 *
 * A catalogue is a module with two exports, `id` (declared `as const`, so its texts are known to the type
 * checker) and `en` (typed `Record<keyof typeof id, string>`, so a missing or extra English text does not
 * compile). A text's `{placeholders}` are its message's params; tests/unit/messages.test.ts checks that
 * both languages name the same ones.
 */

/** The languages of the site, the admin and every message. */
export const LOCALES = ['id', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'id'

/** A stored or chosen language (an order's `locale`, the admin's `i18n.language`) as one of ours: English or else Indonesian. */
export const asLocale = (value: unknown): Locale => (value === 'en' ? 'en' : DEFAULT_LOCALE)

/** A value for a placeholder: text and numbers as they are (format rupiah and dates first), or another message in the same language. */
export type Param = string | number | Message

/** Any message: a catalogue code and the values of its text's placeholders. */
export type Message = { readonly code: string; readonly params?: Readonly<Record<string, Param>> }

/** The names of the `{placeholders}` of a text. */
export type Placeholders<Text extends string> = Text extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never

/** A catalogue: texts by code in each language. */
export type Catalogue = { readonly id: Readonly<Record<string, string>>; readonly en: Readonly<Record<string, string>> }

/** The params a text needs: none, or one value per placeholder. */
type ParamsOf<Text extends string> = [Placeholders<Text>] extends [never]
  ? { params?: undefined }
  : { params: Record<Placeholders<Text>, Param> }

/** The messages of a catalogue, typed: a code of it, with exactly the params its text names. */
export type MessageOf<C extends Catalogue> = C extends Catalogue
  ? { [Code in keyof C['id'] & string]: { code: Code } & ParamsOf<C['id'][Code]> }[keyof C['id'] & string]
  : never

const PLACEHOLDER = /\{(\w+)\}/g

/** The placeholder names of a text, in order (for the completeness test). */
export const placeholdersOf = (text: string): string[] => [...text.matchAll(PLACEHOLDER)].map((m) => m[1])

/**
 * Fills a text's `{placeholders}`: strings and numbers as given, a message through `inner` (in the same
 * language). A placeholder without a value stays as written, so a mistake shows instead of vanishing.
 */
export const fill = (text: string, params: Message['params'] = {}, inner: (message: Message) => string = (m) => m.code): string =>
  text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name]
    if (value === undefined) return whole
    return typeof value === 'object' ? inner(value) : String(value)
  })

/**
 * One function that puts any message of these catalogues into a language. A code defined in two of them
 * is refused at once: two texts for one code is how copies drift apart.
 */
export const translator = <M extends Message>(catalogues: readonly Catalogue[]): ((locale: Locale, message: M) => string) => {
  const texts: Record<Locale, Record<string, string>> = { id: {}, en: {} }
  for (const catalogue of catalogues) {
    for (const locale of LOCALES) {
      for (const [code, text] of Object.entries(catalogue[locale])) {
        if (code in texts[locale]) throw new Error(`The message code "${code}" is defined in two catalogues`)
        texts[locale][code] = text
      }
    }
  }
  const translate = (locale: Locale, message: Message): string => {
    const text = texts[locale][message.code]
    if (text === undefined) throw new Error(`No message "${message.code}" in any catalogue`)
    return fill(text, message.params, (inner) => translate(locale, inner))
  }
  return translate
}

/** Whether a catalogue has this code (for codes that come back as plain strings, such as schema issue messages). */
export const hasCode = (catalogues: readonly Catalogue[], code: string): boolean => catalogues.some((c) => Object.hasOwn(c.id, code))

/**
 * A catalogue text in both languages, in the shape Payload takes for labels (`{ id, en }`): select options
 * whose names are also shown to residents and buyers (statuses, payment methods) come from the catalogue.
 */
export const labelOf = <C extends Catalogue>(catalogue: C, code: keyof C['id'] & string): { id: string; en: string } => ({
  id: catalogue.id[code],
  en: catalogue.en[code],
})
