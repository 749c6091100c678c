import { CATALOGUES, type CmsMessage } from '../../cms/messages'
import { hasCode, translator, type Locale, type MessageOf, type Param } from '../../cms/lib/messages'
import * as news from './messages/news'
import * as offline from './messages/offline'
import * as platform from './messages/platform'
import * as portal from './messages/portal'
import * as search from './messages/search'
import * as security from './messages/security'
import * as services from './messages/services'
import * as shop from './messages/shop'

/**
 * The site's texts: each feature keeps its interface texts in messages/<feature>.ts, in both languages; the
 * domains' catalogues (cms/messages.ts) come with them, so a page shows a domain's message as it is.
 */
const SITE = [platform, search, news, shop, services, offline, security, portal] as const
/** Every catalogue a page can show a message of. */
export const ALL_CATALOGUES = [...SITE, ...CATALOGUES] as const

/** Any message a page can show: an interface text or a domain message. */
export type SiteMessage = MessageOf<(typeof SITE)[number]> | CmsMessage
export type MessageKey = SiteMessage['code']

/** The params of a message's text: nothing when it has no placeholders. */
type ParamsArg<K extends MessageKey> = Extract<SiteMessage, { code: K }> extends { params: infer P } ? [params: P] : []

/** Puts a message in a language: `t('cart.title')`, `t('order.title', { number })`, or a message a domain returned, `t(problem)`. */
export type Translate = {
  <K extends MessageKey>(code: K, ...params: ParamsArg<K>): string
  (message: SiteMessage): string
}

const inLanguage = translator<SiteMessage>(ALL_CATALOGUES)

const asMessage = (message: MessageKey | SiteMessage, params?: Record<string, Param>) =>
  typeof message === 'string' ? ({ code: message, params } as SiteMessage) : message

/** The translator of one language; the middleware sets the visitor's as `Astro.locals.t`. */
export const translatorOf =
  (locale: Locale): Translate =>
  (message: MessageKey | SiteMessage, params?: Record<string, Param>) =>
    inLanguage(locale, asMessage(message, params))

/** A message in a language, for code without `Astro.locals` (the server's own answers, tests). */
export function translate<K extends MessageKey>(locale: Locale, code: K, ...params: ParamsArg<K>): string
export function translate(locale: Locale, message: SiteMessage): string
export function translate(locale: Locale, message: MessageKey | SiteMessage, params?: Record<string, Param>): string {
  return inLanguage(locale, asMessage(message, params))
}

/** Whether a plain string (a schema issue's message) is one of our codes. */
export const isMessageKey = (code: string): code is MessageKey => hasCode(ALL_CATALOGUES, code)

/**
 * The texts an island needs, in one language, as written in the catalogues (placeholders unfilled): its
 * props carry them to the browser, which fills them with `say` (site/islands/phrasebook.ts), so an island
 * ships only the few texts it shows instead of the catalogues.
 */
export const phrasebook = (locale: Locale, codes: readonly MessageKey[]): Record<string, string> => {
  const texts: Record<string, string> = {}
  for (const code of codes) {
    const catalogue: Readonly<Record<string, string>> | undefined = ALL_CATALOGUES.map((c) => c[locale]).find((c) => Object.hasOwn(c, code))
    if (catalogue) texts[code] = catalogue[code]
  }
  return texts
}
