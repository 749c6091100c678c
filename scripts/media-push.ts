import path from 'node:path'
import mime from 'mime-types'
import { config } from '../cms/lib/config'
import { privateFiles, publicFiles } from '../cms/lib/objectStorage'
import { pushFolder } from './lib/mediaPush'
import { ConfigProblem, runMain } from './lib/problem'

/**
 * `npm run media:push`: copies MEDIA_DIR into S3_BUCKET and PRIVATE_DIR into S3_PRIVATE_BUCKET under the same keys,
 * once, when a village moves its files to object storage (run it again: files already copied are skipped).
 */
runMain(async () => {
  const { objectStorage, mediaDir, privateDir } = config()
  if (!objectStorage) throw new ConfigProblem('Set S3_BUCKET and S3_PRIVATE_BUCKET (and S3_ENDPOINT for a service other than AWS) first.')
  const typeOf = (key: string) => mime.lookup(path.extname(key)) || undefined
  for (const [folder, store, bucket] of [
    [mediaDir, publicFiles(), objectStorage.bucket],
    [privateDir, privateFiles(), objectStorage.privateBucket],
  ] as const) {
    const { copied, skipped } = await pushFolder(folder, store, typeOf)
    console.log(`${folder} → ${bucket}: ${copied} copied, ${skipped} already there.`)
  }
})
