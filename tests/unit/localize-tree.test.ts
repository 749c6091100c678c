import { describe, expect, it } from 'vitest'
import { localizeTree } from '../../cms/seed/localizeTree'

describe('bilingual seed content', () => {
  const source = {
    slug: 'potensi',
    title: { id: 'Potensi Desa', en: 'Village Potential' },
    blocks: [{ blockType: 'potentials', items: [{ title: { id: 'Lada', en: 'Pepper' }, image: 'lada.jpg' }] }],
  }

  it('picks one language for every { id, en } pair and keeps other values', () => {
    expect(localizeTree(source, 'id')).toEqual({
      slug: 'potensi',
      title: 'Potensi Desa',
      blocks: [{ blockType: 'potentials', items: [{ title: 'Lada', image: 'lada.jpg' }] }],
    })
  })

  it('reuses the stored row ids so the second language updates the same rows', () => {
    const stored = { id: 7, blocks: [{ id: 'b1', items: [{ id: 'r1' }] }] }
    // Row ids are carried over from what is stored; the content itself has none.
    const en: { id?: number; blocks: { id?: string; items: { id?: string; title: string }[] }[] } = localizeTree(source, 'en', stored)
    expect(en.blocks[0].id).toBe('b1')
    expect(en.blocks[0].items[0]).toEqual({ title: 'Pepper', image: 'lada.jpg', id: 'r1' })
    expect(en.id).toBeUndefined()
  })
})
