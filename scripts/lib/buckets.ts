import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3'
import { config } from '../../cms/lib/config'
import { s3ClientConfig } from '../../cms/lib/objectStorage'
import { ConfigProblem } from '../../cms/lib/problem'

/** Fails with one clear sentence when S3_BUCKET or S3_PRIVATE_BUCKET is set but cannot be used. */
export const checkBuckets = async () => {
  const settings = config().objectStorage
  if (!settings) return
  const where = settings.endpoint ?? `AWS (${settings.region})`
  // One attempt, a few seconds: a start waits for no retries.
  const client = new S3Client({ ...s3ClientConfig(settings), maxAttempts: 1, requestHandler: { connectionTimeout: 5000 } })
  try {
    for (const [bucket, setting] of [
      [settings.bucket, 'S3_BUCKET'],
      [settings.privateBucket, 'S3_PRIVATE_BUCKET'],
    ]) {
      try {
        await client.send(new HeadBucketCommand({ Bucket: bucket }))
      } catch (err) {
        const { name, $metadata } = err as { name?: string; $metadata?: { httpStatusCode?: number } }
        const status = $metadata?.httpStatusCode
        if (name === 'NoSuchBucket' || name === 'NotFound' || status === 404)
          throw new ConfigProblem(`The bucket "${bucket}" does not exist at ${where}: create it or fix ${setting}.`)
        if (status === 401 || status === 403)
          throw new ConfigProblem(
            `The bucket "${bucket}" at ${where} refuses this server (${status}): fix S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or the bucket's policy.`,
          )
        throw new ConfigProblem(`The object storage at ${where} does not answer (${name ?? 'no answer'}): start it or fix S3_ENDPOINT.`)
      }
    }
  } finally {
    client.destroy()
  }
}
