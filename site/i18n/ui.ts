import type { Locale } from './locales'
import * as platform from './messages/platform'
import * as services from './messages/services'

// Each feature keeps its interface texts in messages/<feature>.ts, in both languages.
const modules = { platform, services }

type Modules = typeof modules
export type MessageKey = { [M in keyof Modules]: keyof Modules[M]['id'] }[keyof Modules]

const merged = (locale: Locale) => Object.assign({}, ...Object.values(modules).map((m) => m[locale])) as Record<MessageKey, string>
const dictionaries: Record<Locale, Record<MessageKey, string>> = { id: merged('id'), en: merged('en') }

export const translate = (locale: Locale, key: MessageKey): string => dictionaries[locale][key]
