import { defineMiddleware } from 'astro:middleware'
import { splitLocale } from './i18n/locales'

/** English pages live under /en: one set of pages serves both languages. */
export const onRequest = defineMiddleware((context, next) => {
  const { locale, path } = splitLocale(context.url.pathname)
  context.locals.locale = locale
  if (locale === 'en') return next(path + context.url.search)
  return next()
})
