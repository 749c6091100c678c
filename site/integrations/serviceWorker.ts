import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { build } from 'esbuild'
import { precacheOf } from '../serviceWorker/rules'

/** Where the worker is served from: the root, so it controls every page. */
export const WORKER_PATH = '/sw.js'
const ENTRY = fileURLToPath(new URL('../serviceWorker/sw.ts', import.meta.url))
const VERSION_MARK = '__DESA_SW_VERSION_MARK__'

/** Every file of a folder, as paths relative to it with forward slashes, sorted. */
export const filesOf = (root: string): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()

/** The version of a build: a hash of each file's path and content, and of the worker's own code. */
export const contentHash = (files: { name: string; content: Uint8Array | string }[], code: string) => {
  const hash = createHash('sha256')
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : 1)))
    hash.update(`${file.name}\0`).update(createHash('sha256').update(file.content).digest('hex')).update('\0')
  return hash.update(code).digest('hex').slice(0, 16)
}

/** The worker compiled from site/serviceWorker/, for this precache list and version. */
export const compileWorker = async ({ precache, version, minify }: { precache: string[]; version?: string; minify: boolean }) => {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify,
    legalComments: 'none',
    define: { __DESA_SW_PRECACHE__: JSON.stringify(precache), __DESA_SW_VERSION__: JSON.stringify(version ?? VERSION_MARK) },
  })
  return result.outputFiles[0].text
}

/**
 * Builds the service worker (site/serviceWorker/*.ts) with the site: after Astro wrote the client files, the
 * worker is compiled with esbuild, its precache list taken from the build's stylesheets and its caches named
 * after the content hash of every client file and of its own code, so any change to what it caches makes a
 * new worker (no version to bump by hand). In development it is compiled on each request, version "dev".
 */
export const serviceWorker = (): AstroIntegration => {
  let clientDir = ''
  return {
    name: 'desa-service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        clientDir = fileURLToPath(config.build.client)
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(WORKER_PATH, (_req, res, next) => {
          compileWorker({ precache: [], version: 'dev', minify: false })
            .then((code) => {
              res.setHeader('Content-Type', 'text/javascript; charset=utf-8')
              res.setHeader('Cache-Control', 'no-cache')
              res.end(code)
            })
            .catch(next)
        })
      },
      'astro:build:done': async ({ logger }) => {
        const files = filesOf(clientDir).filter((file) => `/${file}` !== WORKER_PATH)
        const precache = precacheOf(files)
        const draft = await compileWorker({ precache, minify: true })
        const version = contentHash(
          files.map((name) => ({ name, content: readFileSync(path.join(clientDir, name)) })),
          draft,
        )
        if (!draft.includes(VERSION_MARK)) throw new Error(`${WORKER_PATH}: the compiled worker lost its version mark`)
        writeFileSync(path.join(clientDir, WORKER_PATH), draft.replaceAll(VERSION_MARK, version))
        logger.info(`${WORKER_PATH}: version ${version}, ${precache.length} files precached`)
      },
    },
  }
}
