import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import S3rver from 's3rver'
import { bucketStore, s3ClientConfig, type FileStore } from '../../cms/lib/objectStorage'

export const PUBLIC_BUCKET = 'desa-media'
export const PRIVATE_BUCKET = 'desa-private'

/**
 * A local S3-compatible server (npm `s3rver`) on a free loopback port, keeping its objects in a temporary folder,
 * with the public and the private bucket made. `env` is what the app needs to store its files there.
 */
export class LocalS3 {
  private server: S3rver | undefined
  private folder = mkdtempSync(path.join(os.tmpdir(), 'desa-s3-'))
  endpoint = ''
  client!: S3Client

  async start() {
    this.server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: this.folder,
      configureBuckets: [PUBLIC_BUCKET, PRIVATE_BUCKET].map((name) => ({ name, configs: [] })),
    })
    const { port } = await this.server.run()
    this.endpoint = `http://127.0.0.1:${port}`
    this.client = new S3Client(s3ClientConfig(this.settings()))
    return this
  }

  /** s3rver's own keys. */
  private settings() {
    return {
      bucket: PUBLIC_BUCKET,
      privateBucket: PRIVATE_BUCKET,
      endpoint: this.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      forcePathStyle: true,
    }
  }

  get env(): Record<string, string> {
    return {
      S3_BUCKET: PUBLIC_BUCKET,
      S3_PRIVATE_BUCKET: PRIVATE_BUCKET,
      S3_ENDPOINT: this.endpoint,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    }
  }

  /** Every key in a bucket. */
  async keys(bucket: string): Promise<string[]> {
    const keys: string[] = []
    let token: string | undefined
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }))
      keys.push(...(page.Contents ?? []).flatMap((object) => object.Key ?? []))
      token = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (token)
    return keys.sort()
  }

  store(bucket: string): FileStore {
    return bucketStore(this.client, bucket)
  }

  async close() {
    this.client?.destroy()
    await this.server?.close()
    rmSync(this.folder, { recursive: true, force: true })
  }
}
