import path from 'node:path'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { isEmpty, seed } from '../../cms/seed'
import { startPayload } from '../support/payload'
import { settingsOf } from '../../cms/villages/settings'

let payload: Payload
const contentDir = path.resolve('content')
const quiet = () => {}

beforeAll(async () => {
  payload = await startPayload()
})

// Seeding makes every picture's derivatives (AVIF included): minutes on a busy 2-core machine.
describe('seeding the demo village', { timeout: 180_000 }, () => {
  it('fills an empty database with the village, its profile pages and pictures in both languages', async () => {
    expect(await isEmpty(payload)).toBe(true)
    const progress: string[] = []
    await seed(payload, { contentDir, log: (m) => progress.push(m) })
    expect(progress.filter((m) => /^pages 5\/5/.test(m))).toHaveLength(1)
    expect(await isEmpty(payload)).toBe(false)

    const settings = await settingsOf(payload, null, { locale: 'en' })
    expect(settings.name).toBe('Desa Sungai Lestari')
    expect(settings.tagline).not.toBe((await settingsOf(payload, null, { locale: 'id' })).tagline)

    const officials = await payload.find({ collection: 'pages', where: { slug: { equals: 'perangkat-desa' } }, locale: 'en', depth: 1 })
    const block = officials.docs[0].blocks!.find((b) => b.blockType === 'officials')!
    expect(block.blockType === 'officials' && block.people[0].position).toBe('Village Head')
    const photo = block.blockType === 'officials' ? block.people[0].photo : null
    expect(photo && typeof photo === 'object' && photo.alt).toBeTruthy()
  })

  it('can run again without duplicating anything', async () => {
    const before = await Promise.all([payload.count({ collection: 'pages' }), payload.count({ collection: 'media' })])
    await seed(payload, { contentDir, log: quiet })
    const after = await Promise.all([payload.count({ collection: 'pages' }), payload.count({ collection: 'media' })])
    expect(after).toEqual(before)
    const page = await payload.find({ collection: 'pages', where: { slug: { equals: 'potensi' } }, locale: 'id' })
    const potentials = page.docs[0].blocks!.find((b) => b.blockType === 'potentials')
    expect(potentials?.blockType === 'potentials' && potentials.items.length).toBe(6)
  })
})
