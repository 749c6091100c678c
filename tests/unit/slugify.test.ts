import { describe, expect, it } from 'vitest'
import { slugify } from '../../cms/lib/slugify'

describe('slugify', () => {
  it('makes lowercase ASCII words joined by hyphens', () => {
    expect(slugify('Sejarah Desa')).toBe('sejarah-desa')
    expect(slugify('  Visi & Misi  ')).toBe('visi-dan-misi')
    expect(slugify('Kopi Liberika — Édisi Khusus!')).toBe('kopi-liberika-edisi-khusus')
  })

  it('never returns leading or trailing hyphens', () => {
    expect(slugify('--Halo--')).toBe('halo')
    expect(slugify('!!!')).toBe('')
  })
})
