import type { Locale } from './locales'
import * as news from './messages/news'
import * as platform from './messages/platform'
import * as search from './messages/search'
import * as security from './messages/security'
import * as services from './messages/services'
import * as shop from './messages/shop'

// Each feature keeps its interface texts in messages/<feature>.ts, in both languages.
const modules = { platform, search, news, shop, services, security }

type Modules = typeof modules
export type MessageKey = { [M in keyof Modules]: keyof Modules[M]['id'] }[keyof Modules]

const merged = (locale: Locale) => Object.assign({}, ...Object.values(modules).map((m) => m[locale])) as Record<MessageKey, string>
const dictionaries: Record<Locale, Record<MessageKey, string>> = { id: merged('id'), en: merged('en') }

export const translate = (locale: Locale, key: MessageKey): string => dictionaries[locale][key]

/** A message with {placeholders} filled in. */
export const format = (locale: Locale, key: MessageKey, values: Record<string, string | number>): string =>
  translate(locale, key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
