import { randomUUID } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3'
import { config, type ObjectStorage } from './config'

/**
 * Where files live: the public ones (pictures and their sizes, audio, transcripts, social cards; served at /media/)
 * and the private ones (residents' documents, signed letters, payment receipts; served only by access-checked
 * routes). Each is a folder on disk (MEDIA_DIR, PRIVATE_DIR) or, with S3_BUCKET set, a bucket (S3_BUCKET,
 * S3_PRIVATE_BUCKET), under the same keys: a key is the file's path inside the folder, `/`-separated
 * (`pasar-640df23946.jpg`, `audio/…mp3`, `payment-proofs/…`).
 */
export type StoredFile = { key: string; size: number; modified: Date }

export type FileStore = {
  /** The bytes under `key`, or null when nothing is stored there. */
  read(key: string): Promise<Buffer | null>
  /** Stores `bytes` under `key` whole: a reader never gets half a file. */
  write(key: string, bytes: Uint8Array, contentType?: string): Promise<void>
  exists(key: string): Promise<boolean>
  /** Removes `key` (nothing stored there is no error). */
  remove(key: string): Promise<void>
  /** The files under `prefix` (a folder, `` for the top): with `deep`, those in its subfolders too. */
  list(prefix: string, options?: { deep?: boolean }): Promise<StoredFile[]>
}

/** A key that stays inside its folder or bucket: no absolute path, no `..`, no empty or hidden segment. */
export const isSafeKey = (key: string) =>
  key.length > 0 && !key.includes('\0') && !key.includes('\\') && key.split('/').every((part) => part !== '' && !part.startsWith('.'))

const checked = (key: string) => {
  if (!isSafeKey(key)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`)
  return key
}

const missing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT'

/** A folder on this machine's disk; files are written 0600 in folders 0700 (the server's umask is 077 as well). */
export const diskStore = (root: string): FileStore => {
  const fileOf = (key: string) => path.join(root, ...checked(key).split('/'))
  return {
    async read(key) {
      return readFile(fileOf(key)).catch((err) => (missing(err) ? null : Promise.reject(err)))
    },
    async write(key, bytes) {
      const file = fileOf(key)
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
      // Written beside under a name of its own and renamed, so a reader never gets half a file and two writers never mix.
      const partial = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomUUID()}.partial`)
      await writeFile(partial, bytes, { mode: 0o600 })
      await rename(partial, file)
    },
    async exists(key) {
      return stat(fileOf(key)).then(
        (found) => found.isFile(),
        () => false,
      )
    },
    async remove(key) {
      await rm(fileOf(key), { force: true })
    },
    async list(prefix, { deep = false } = {}) {
      const walk = async (folder: string): Promise<StoredFile[]> => {
        const entries = await readdir(path.join(root, ...folder.split('/').filter(Boolean)), { withFileTypes: true }).catch(() => [])
        const found: StoredFile[] = []
        for (const entry of entries) {
          if (entry.name.startsWith('.')) continue
          const key = folder ? `${folder}/${entry.name}` : entry.name
          if (entry.isDirectory() && deep) found.push(...(await walk(key)))
          else if (entry.isFile()) {
            const info = await stat(path.join(root, ...key.split('/'))).catch(() => null)
            if (info) found.push({ key, size: info.size, modified: info.mtime })
          }
        }
        return found
      }
      return walk(prefix.replace(/\/+$/, ''))
    },
  }
}

/** Whether an S3 error says there is no such object. */
export const isNoSuchKey = (err: unknown) => {
  const { name, $metadata } = (err ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } }
  return name === 'NoSuchKey' || name === 'NotFound' || $metadata?.httpStatusCode === 404
}

/** What the S3 client of the settings is built from (the storage plugin builds its own from the same). */
export const s3ClientConfig = (settings: ObjectStorage): S3ClientConfig => ({
  region: settings.region,
  endpoint: settings.endpoint,
  forcePathStyle: settings.forcePathStyle,
  credentials: settings.credentials,
  // Checksums only where S3 requires them: S3-compatible services (and older ones) do not all read the trailing
  // checksums the SDK otherwise adds to every upload.
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
})

let client: { settings: ObjectStorage; client: S3Client } | undefined

/** This process's S3 client, built again only when the settings changed. */
export const s3Client = (settings: ObjectStorage): S3Client => {
  if (client && JSON.stringify(client.settings) === JSON.stringify(settings)) return client.client
  client?.client.destroy()
  client = { settings, client: new S3Client(s3ClientConfig(settings)) }
  return client.client
}

/** A bucket of an S3-compatible service. */
export const bucketStore = (s3: S3Client, bucket: string): FileStore => ({
  async read(key) {
    try {
      const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: checked(key) }))
      return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : null
    } catch (err) {
      if (isNoSuchKey(err)) return null
      throw err
    }
  },
  async write(key, bytes, contentType) {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: checked(key), Body: bytes, ContentType: contentType }))
  },
  async exists(key) {
    try {
      await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: checked(key) }))
      return true
    } catch (err) {
      if (isNoSuchKey(err)) return false
      throw err
    }
  },
  async remove(key) {
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: checked(key) }))
  },
  async list(prefix, { deep = false } = {}) {
    const folder = prefix.replace(/\/+$/, '')
    const found: StoredFile[] = []
    let token: string | undefined
    do {
      const page = await s3.send(
        new ListObjectsV2Command({
          Bucket: bucket,
          Prefix: folder ? `${folder}/` : undefined,
          Delimiter: deep ? undefined : '/',
          ContinuationToken: token,
        }),
      )
      for (const object of page.Contents ?? [])
        if (object.Key) found.push({ key: object.Key, size: object.Size ?? 0, modified: object.LastModified ?? new Date(0) })
      token = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (token)
    return found
  },
})

/** The public files: MEDIA_DIR, or S3_BUCKET. */
export const publicFiles = (): FileStore => {
  const { objectStorage, mediaDir } = config()
  return objectStorage ? bucketStore(s3Client(objectStorage), objectStorage.bucket) : diskStore(mediaDir)
}

/** Residents' documents, letters and receipts: PRIVATE_DIR, or S3_PRIVATE_BUCKET. Never served at /media/. */
export const privateFiles = (): FileStore => {
  const { objectStorage, privateDir } = config()
  return objectStorage ? bucketStore(s3Client(objectStorage), objectStorage.privateBucket) : diskStore(privateDir)
}
