'use client'
import { useRowLabel, useTranslation } from '@payloadcms/ui'
import { formatWitaDateTime } from '../resident-services/workingDays'

/** An order's timeline entry titled by when (WITA) and what happened. */
export const OrderTimelineRow = () => {
  const { data } = useRowLabel<{ at?: string; event?: string }>()
  const { i18n } = useTranslation()
  return (
    <span>{[data?.at && formatWitaDateTime(data.at, i18n.language === 'en' ? 'en' : 'id'), data?.event].filter(Boolean).join(' · ')}</span>
  )
}
