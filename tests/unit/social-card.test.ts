import { mkdtempSync, readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { setEnvironment } from '../../cms/lib/config'
import { generatedSocialImage } from '../../site/lib/socialCard'

let mediaDir: string

beforeAll(() => {
  mediaDir = mkdtempSync(path.join(os.tmpdir(), 'desa-cards-'))
  setEnvironment({ MEDIA_DIR: mediaDir })
})

const card = (title: string) => generatedSocialImage({ title, villageName: 'Desa Sungai Lestari', logo: null })

describe('the generated social card', () => {
  it('is drawn once when many visitors open a new page at the same moment, and every one of them gets it', async () => {
    const cards = await Promise.all(Array.from({ length: 12 }, () => card('Surat Keterangan Domisili')))
    expect(new Set(cards.map((c) => c?.path)).size).toBe(1)
    expect(readdirSync(path.join(mediaDir, 'cards'))).toEqual([path.basename(cards[0]!.path)])
  })

  it('draws titles with characters XML cannot carry (a NUL, an unpaired surrogate) without them', async () => {
    const drawn = await card('Cari: a\u0000b \ud800 Ṣāliḥ')
    const file = path.join(mediaDir, 'cards', path.basename(drawn!.path))
    expect(await sharp(file).metadata()).toMatchObject({ width: 1200, height: 630, format: 'png' })
  })
})
