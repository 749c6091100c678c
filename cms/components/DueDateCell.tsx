'use client'
import { useTranslation } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'
import { asLocale } from '../lib/messages'
import { isOverdue } from '../lib/wita'
import { translate } from '../messages'
import { isFinal, STATUSES, type Status } from '../resident-services/status'

const isStatus = (value: unknown): value is Status => STATUSES.includes(value as Status)

/** The queue's due date, red and marked when it has passed and the request is still open. */
export const DueDateCell = ({ cellData, rowData }: DefaultCellComponentProps) => {
  const { i18n } = useTranslation()
  const open = isStatus(rowData?.status) && !isFinal(rowData.status)
  const overdue = open && typeof cellData === 'string' && isOverdue(cellData)
  return overdue ? (
    <strong style={{ color: '#b42318' }} title={translate(asLocale(i18n.language), { code: 'admin.overdue' })}>
      ⚠ {cellData}
    </strong>
  ) : (
    <span>{String(cellData ?? '')}</span>
  )
}
