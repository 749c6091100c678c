import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'
import { config } from '../lib/config'
import { s3ClientConfig } from '../lib/objectStorage'

/**
 * The upload collections in S3-compatible buckets when S3_BUCKET is set (README, "At a larger scale"), through
 * Payload's storage adapter; on local disk (MEDIA_DIR, PRIVATE_DIR) without it. Each collection keeps the key its
 * file has on disk, so `/media/<key>` names the same file either way: pictures at the top of the public bucket,
 * audio under `audio/`, transcripts under `transcripts/` (the public site reads them at /media/, server/app.ts);
 * payment receipts under `payment-proofs/` of the private bucket, which only Payload's access-checked
 * `/api/payment-proofs/file/…` reads. Residents' documents and letters are not a collection: they go through
 * `privateFiles()` (cms/lib/objectStorage.ts) into the same private bucket.
 *
 * The adapter's columns (`prefix`, `_objectKey`) are in the schema either way (`alwaysInsertFields`), so one set of
 * migrations serves both, and a database moves to a bucket with its files (`npm run media:push`).
 */
export const PUBLIC_PREFIXES = { media: '', 'podcast-audio': 'audio', transcripts: 'transcripts' } as const
export const PRIVATE_PREFIXES = { 'payment-proofs': 'payment-proofs' } as const

// Every collection names its prefix, '' too: the adapter adds its `prefix` column only to collections given one.
const collectionsOf = (prefixes: Record<string, string>) =>
  Object.fromEntries(Object.entries(prefixes).map(([slug, prefix]) => [slug, { prefix }]))

export const objectStoragePlugins = (): Plugin[] => {
  const settings = config().objectStorage
  const common = {
    enabled: Boolean(settings),
    alwaysInsertFields: true,
    config: settings ? s3ClientConfig(settings) : {},
  }
  return [
    s3Storage({
      ...common,
      bucket: settings?.bucket ?? '',
      clientCacheKey: `desa-public:${settings?.endpoint}:${settings?.bucket}`,
      collections: collectionsOf(PUBLIC_PREFIXES),
    }),
    s3Storage({
      ...common,
      bucket: settings?.privateBucket ?? '',
      clientCacheKey: `desa-private:${settings?.endpoint}:${settings?.privateBucket}`,
      collections: collectionsOf(PRIVATE_PREFIXES),
    }),
  ]
}
