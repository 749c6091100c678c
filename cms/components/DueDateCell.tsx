'use client'
import { useTranslation } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'
import { asLocale } from '../lib/messages'
import { translate } from '../messages'

// The village's calendar day (WITA, UTC+8): a due date passes at midnight in the village.
const todayInWita = () => new Date(Date.now() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10)

/** The queue's due date, red and marked when it has passed and the request is still open. */
export const DueDateCell = ({ cellData, rowData }: DefaultCellComponentProps) => {
  const { i18n } = useTranslation()
  const open = !['done', 'rejected', 'cancelled'].includes(String(rowData?.status))
  const overdue = open && typeof cellData === 'string' && cellData < todayInWita()
  return overdue ? (
    <strong style={{ color: '#b42318' }} title={translate(asLocale(i18n.language), { code: 'admin.overdue' })}>
      ⚠ {cellData}
    </strong>
  ) : (
    <span>{String(cellData ?? '')}</span>
  )
}
