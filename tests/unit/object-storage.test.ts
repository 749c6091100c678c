import { mkdtempSync, readdirSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseEnvironment } from '../../cms/lib/config'
import { diskStore, isSafeKey } from '../../cms/lib/objectStorage'
import { ConfigProblem } from '../../cms/lib/problem'
import { keyOfPath } from '../../server/bucket'

const problem = (env: Record<string, string>) => {
  try {
    parseEnvironment(env)
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigProblem)
    return (err as Error).message
  }
  throw new Error('no problem reported')
}

const buckets = { S3_BUCKET: 'desa-media', S3_PRIVATE_BUCKET: 'desa-private' }

describe('the object storage settings', () => {
  it('leave files on disk when no bucket is named', () => {
    expect(parseEnvironment({}).objectStorage).toBeUndefined()
  })

  it('name the two buckets, the endpoint, the region, the keys and the path style', () => {
    expect(
      parseEnvironment({
        ...buckets,
        S3_ENDPOINT: 'http://127.0.0.1:9000',
        S3_REGION: 'ap-southeast-3',
        S3_ACCESS_KEY_ID: 'AKIA',
        S3_SECRET_ACCESS_KEY: 'rahasia',
        S3_FORCE_PATH_STYLE: 'true',
      }).objectStorage,
    ).toEqual({
      bucket: 'desa-media',
      privateBucket: 'desa-private',
      endpoint: 'http://127.0.0.1:9000',
      region: 'ap-southeast-3',
      credentials: { accessKeyId: 'AKIA', secretAccessKey: 'rahasia' },
      forcePathStyle: true,
    })
    // On AWS with the instance's role: no endpoint, no keys, virtual-hosted buckets.
    expect(parseEnvironment(buckets).objectStorage).toEqual({
      bucket: 'desa-media',
      privateBucket: 'desa-private',
      endpoint: undefined,
      region: 'us-east-1',
      credentials: undefined,
      forcePathStyle: false,
    })
  })

  it('refuse a public bucket without a private one, or the same bucket for both', () => {
    expect(problem({ S3_BUCKET: 'desa-media' })).toMatch(/S3_BUCKET needs S3_PRIVATE_BUCKET/)
    expect(problem({ S3_PRIVATE_BUCKET: 'desa-private' })).toMatch(/S3_PRIVATE_BUCKET needs S3_BUCKET/)
    expect(problem({ S3_BUCKET: 'desa', S3_PRIVATE_BUCKET: 'desa' })).toMatch(/must be another bucket/)
  })

  it('refuse half a key pair, a bad endpoint, and S3 settings without buckets', () => {
    expect(problem({ ...buckets, S3_ACCESS_KEY_ID: 'AKIA' })).toMatch(/both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/)
    expect(problem({ ...buckets, S3_ENDPOINT: 'minio:9000' })).toMatch(/S3_ENDPOINT "minio:9000" is not a web address/)
    expect(problem({ S3_ENDPOINT: 'http://127.0.0.1:9000' })).toMatch(/S3_BUCKET is not/)
    expect(problem({ ...buckets, S3_FORCE_PATH_STYLE: 'yes' })).toMatch(/S3_FORCE_PATH_STYLE "yes" is not understood/)
  })
})

describe('storage keys', () => {
  it('stay inside their folder or bucket', () => {
    for (const key of ['pasar-640df23946.jpg', 'audio/panen-1a2b3c4d5e.mp3', 'payment-proofs/bukti.png'])
      expect(isSafeKey(key), key).toBe(true)
    for (const key of ['', '/etc/passwd', '../private/x.pdf', 'audio/../../x', 'a//b', '.env', 'cards/.x.partial', 'a\\b', 'a\0b'])
      expect(isSafeKey(key), key).toBe(false)
  })

  it('are read from /media/ paths decoded, and a path naming no file gives none', () => {
    expect(keyOfPath('/audio/panen%20lada.mp3')).toBe('audio/panen lada.mp3')
    expect(keyOfPath('/%2e%2e/private/x.pdf')).toBeNull()
    expect(keyOfPath('/%E0%A4%A')).toBeNull()
    expect(keyOfPath('/')).toBeNull()
  })
})

describe('a folder on disk as a store', () => {
  it('writes whole files 0600 in folders 0700, lists the top or every level, reads and removes them', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'desa-store-'))
    const store = diskStore(root)
    await store.write('a.pdf', Buffer.from('satu'))
    await store.write('payment-proofs/b.png', Buffer.from('dua'))
    expect(readdirSync(root).sort()).toEqual(['a.pdf', 'payment-proofs'])
    expect(statSync(path.join(root, 'a.pdf')).mode & 0o777).toBe(0o600)
    expect(statSync(path.join(root, 'payment-proofs')).mode & 0o777).toBe(0o700)
    expect((await store.list('')).map((f) => f.key)).toEqual(['a.pdf'])
    expect((await store.list('', { deep: true })).map((f) => [f.key, f.size]).sort()).toEqual([
      ['a.pdf', 4],
      ['payment-proofs/b.png', 3],
    ])
    expect((await store.read('payment-proofs/b.png'))?.toString()).toBe('dua')
    expect(await store.read('nothing.pdf')).toBeNull()
    expect(await store.exists('a.pdf')).toBe(true)
    await store.remove('a.pdf')
    await store.remove('a.pdf')
    expect(await store.exists('a.pdf')).toBe(false)
    await expect(store.read('../outside')).rejects.toThrow(/Not a storage key/)
  })
})
