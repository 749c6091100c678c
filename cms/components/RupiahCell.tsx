'use client'
import type { DefaultCellComponentProps } from 'payload'
import { formatRupiah } from '../shop/money'

/** An amount in a list as Indonesians read it: "Rp 222.000", not "222000". */
export const RupiahCell = ({ cellData }: DefaultCellComponentProps) => (
  <span>{typeof cellData === 'number' ? formatRupiah(cellData) : ''}</span>
)
