'use client'
import { useRowLabel, useTranslation } from '@payloadcms/ui'
import { asLocale } from '../lib/messages'
import { formatWitaDateTime } from '../lib/wita'

/** An order's timeline entry titled by when (WITA) and what happened. */
export const OrderTimelineRow = () => {
  const { data } = useRowLabel<{ at?: string; event?: string }>()
  const { i18n } = useTranslation()
  return <span>{[data?.at && formatWitaDateTime(data.at, asLocale(i18n.language)), data?.event].filter(Boolean).join(' · ')}</span>
}
