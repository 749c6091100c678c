/// <reference types="astro/client" />
import type { Locale } from './i18n/locales'
import type { Translate } from './i18n/ui'
import type { Refusal } from './lib/refusal'
import type { Settings } from './lib/village'

declare module 'astro' {
  interface AstroClientDirectives {
    /**
     * Hydrates the island on the visitor's first touch, key or focus inside it, or at once when this tab's
     * sessionStorage holds the key given (site/islands/interaction.ts).
     */
    'client:interaction'?: boolean | string
  }
}

declare global {
  namespace App {
    interface Locals {
      locale: Locale
      /** Every message in the visitor's language: `t('cart.title')`, `t('order.title', { number })`, `t(message)`. */
      t: Translate
      /** The village settings in the page's language, read at most once per request. */
      settings: () => Promise<Settings>
      /** The visitor asked for less data (`Save-Data: on`): smallest pictures, nothing preloaded. */
      saveData: boolean
      /** Seconds to wait, set when this request was over its rate limit (see lib/rateLimit.ts). */
      retryAfter?: number
      /** The fields of a posted (url-encoded) form, read before anything consumes the body: see site/lib/postedForm.ts. */
      postedForm: FormData | null
      /** Why this request's action turned the post away, set by `refuse` (site/lib/refusal.ts). */
      refusal?: Refusal
    }
  }
}
