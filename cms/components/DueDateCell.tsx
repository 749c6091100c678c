'use client'
import type { DefaultCellComponentProps } from 'payload'
import { isOverdue } from '../lib/wita'
import { isFinal, STATUSES, type Status } from '../resident-services/status'

const isStatus = (value: unknown): value is Status => STATUSES.includes(value as Status)

/** The queue's due date, red and marked when it has passed and the request is still open. */
export const DueDateCell = ({ cellData, rowData }: DefaultCellComponentProps) => {
  const open = isStatus(rowData?.status) && !isFinal(rowData.status)
  const overdue = open && typeof cellData === 'string' && isOverdue(cellData)
  return overdue ? (
    <strong style={{ color: '#b42318' }} title="Lewat tenggat / overdue">
      ⚠ {cellData}
    </strong>
  ) : (
    <span>{String(cellData ?? '')}</span>
  )
}
