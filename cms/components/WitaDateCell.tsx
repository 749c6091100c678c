'use client'
import { useTranslation } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'
import { formatWitaDateTime } from '../lib/wita'

/** A time in a list as the village reads it: WITA, 24-hour, whatever the browser's time zone. */
export const WitaDateCell = ({ cellData }: DefaultCellComponentProps) => {
  const { i18n } = useTranslation()
  return <span>{typeof cellData === 'string' ? formatWitaDateTime(cellData, i18n.language === 'en' ? 'en' : 'id') : ''}</span>
}
