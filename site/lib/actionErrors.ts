import { format, type MessageKey } from '../i18n/ui'
import type { Locale } from '../i18n/locales'

/**
 * The buyer-facing text of an action's error. Shop actions send "messageKey:detail"; anything else
 * (an unexpected failure) reads as the generic message, never as a stack trace.
 */
export const actionErrorText = (locale: Locale, message: string): string => {
  const [key, ...rest] = message.split(':')
  const detail = rest.join(':')
  try {
    return format(locale, key as MessageKey, { detail })
  } catch {
    return format(locale, 'error.generic', {})
  }
}
