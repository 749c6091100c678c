import { describe, expect, it } from 'vitest'
import { xlsx } from '../../cms/lib/xlsx'
import { sortOf, sortVillages, type VillageRow } from '../../cms/regency/dashboard'
import { sheetOf } from '../support/xlsx'

describe('a workbook of one sheet', () => {
  it('is a ZIP that unzip tests and unpacks: the header row, numbers as numbers, text escaped, columns past Z', () => {
    const header = Array.from({ length: 28 }, (_, i) => `K${i + 1}`)
    const book = xlsx({ sheet: 'Desa aktif: Loa/Sentosa', header, rows: [['Desa "Sungai" & <Lestari>', 12.5, null, 'Ṣāliḥ']] })
    const [head, row] = sheetOf(book)
    expect(head).toEqual(header)
    expect(row).toEqual(['Desa "Sungai" & <Lestari>', '12.5', 'Ṣāliḥ'])
  })

  it('is the same file for the same table', () => {
    const table = { sheet: 'Desa', header: ['Desa'], rows: [['Sukamaju']] }
    expect(xlsx(table).equals(xlsx(table))).toBe(true)
  })
})

describe("the active villages' table's order", () => {
  const row = (villageName: string, lastStaffSignIn: string | null, requestsReceived: number) =>
    ({ village: 1, villageName, lastStaffSignIn, requestsReceived }) as VillageRow

  it('follows the column asked for, either way, villages without a value last', () => {
    const rows = [row('Batu Ampar', null, 3), row('Sukamaju', '2026-12-01T00:00:00.000Z', 9), row('Loa', '2026-11-01T00:00:00.000Z', 3)]
    const names = (sort: string) => sortVillages(rows, sortOf(sort)).map((r) => r.villageName)
    expect(names('-lastStaffSignIn')).toEqual(['Sukamaju', 'Loa', 'Batu Ampar'])
    expect(names('lastStaffSignIn')).toEqual(['Loa', 'Sukamaju', 'Batu Ampar'])
    expect(names('-requestsReceived')).toEqual(['Sukamaju', 'Batu Ampar', 'Loa'])
    expect(names('nonsense')).toEqual(['Batu Ampar', 'Loa', 'Sukamaju'])
  })
})
