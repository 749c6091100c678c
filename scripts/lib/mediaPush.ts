import { diskStore, type FileStore } from '../../cms/lib/objectStorage'

/**
 * Copies every file of a folder into a store under the same keys (`audio/x.mp3` stays `audio/x.mp3`), skipping
 * those already there with the same size: how a village on disk moves to buckets (`npm run media:push`).
 * Returns how many files were copied and how many were there already.
 */
export const pushFolder = async (root: string, target: FileStore, contentTypeOf: (key: string) => string | undefined) => {
  const source = diskStore(root)
  const present = new Map((await target.list('', { deep: true })).map((file) => [file.key, file.size]))
  let copied = 0
  let skipped = 0
  for (const file of await source.list('', { deep: true })) {
    if (present.get(file.key) === file.size) {
      skipped += 1
      continue
    }
    await target.write(file.key, (await source.read(file.key))!, contentTypeOf(file.key))
    copied += 1
  }
  return { copied, skipped }
}
