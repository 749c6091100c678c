'use client'
import { useTranslation } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'

/** A checkbox in a list as a word in the editor's language ("Ya"/"Tidak"), not "benar"/"salah". */
export const YesNoCell = ({ cellData }: DefaultCellComponentProps) => {
  const { i18n } = useTranslation()
  const en = i18n.language === 'en'
  return <span>{cellData ? (en ? 'Yes' : 'Ya') : en ? 'No' : 'Tidak'}</span>
}
