'use client'
import { useTranslation } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'
import { asLocale } from '../lib/messages'
import { translate } from '../messages'

/** A checkbox in a list as a word in the editor's language ("Ya"/"Tidak"), not "benar"/"salah". */
export const YesNoCell = ({ cellData }: DefaultCellComponentProps) => {
  const { i18n } = useTranslation()
  return <span>{translate(asLocale(i18n.language), { code: cellData ? 'cell.yes' : 'cell.no' })}</span>
}
