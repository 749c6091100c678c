/// <reference types="astro/client" />
import type { Locale } from './i18n/locales'
import type { Settings } from './lib/village'

declare global {
  namespace App {
    interface Locals {
      locale: Locale
      /** The village settings in the page's language, read at most once per request. */
      settings: () => Promise<Settings>
      /** The visitor asked for less data (`Save-Data: on`): smallest pictures, nothing preloaded. */
      saveData: boolean
      /** Seconds to wait, set when this request was over its rate limit (see lib/rateLimit.ts). */
      retryAfter?: number
      /** The fields of a posted (url-encoded) form, read before anything consumes the body: see site/lib/postedForm.ts. */
      postedForm: FormData | null
    }
  }
}
