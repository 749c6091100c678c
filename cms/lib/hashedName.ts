import { createHash } from 'node:crypto'
import path from 'node:path'
import { slugify } from './slugify'

/**
 * Public files are named by what they hold: `panen-3f9a0c1b2d.jpg`, its sizes `panen-3f9a0c1b2d-480x320.webp`
 * (cms/hooks/contentHashedName.ts). Such a name never changes its content, so browsers and proxies may keep
 * the file for a year without asking again (server/app.ts).
 */
const HASH_LENGTH = 10

/** A name made here: the hash, then Payload's `-1` for a same-named twin and an image size's `-WxH`. */
const CONTENT_HASHED = new RegExp(`-[0-9a-f]{${HASH_LENGTH}}(?:-\\d+)?(?:-\\d+x\\d+)?\\.[a-z0-9]+$`)
const HASH_SUFFIX = new RegExp(`-[0-9a-f]{${HASH_LENGTH}}(?:-\\d+)?$`)

export const isContentHashed = (fileName: string) => CONTENT_HASHED.test(path.basename(fileName))

/**
 * The file's name as a URL-safe slug with a hash of `parts` (its bytes, and whatever else decides its content)
 * in place of any earlier one.
 */
export const contentHashedName = (name: string, parts: (Buffer | string)[]) => {
  const ext = path.extname(name).toLowerCase()
  const stem = slugify(path.basename(name, path.extname(name)).replace(HASH_SUFFIX, '')) || 'file'
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part)
  return `${stem}-${hash.digest('hex').slice(0, HASH_LENGTH)}${ext}`
}
