import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { build, type Runner } from '../../scripts/lib/build'
import { PARTS, buildInputs, unresolvedImports } from '../../scripts/lib/build-inputs'

/**
 * `npm start`, the end-to-end tests and the bench build only what is stale: here on a copy of this
 * repository's sources, with the build tools replaced by a recorder that writes what they would write.
 */
let root: string
let ran: string[]

const SOURCES = ['site', 'cms', 'public', 'server', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']
const OUTPUT_OF: Record<string, string> = { next: PARTS.admin.output, astro: PARTS.site.output }

const recorder: Runner = (command, _args, cwd) => {
  ran.push(command)
  const output = path.join(cwd, OUTPUT_OF[command])
  mkdirSync(path.dirname(output), { recursive: true })
  writeFileSync(output, `built by ${command}`)
}
const buildStale = () => {
  ran = []
  build({ onlyStale: true, root, run: recorder })
  return ran
}
const edit = (file: string) => appendFileSync(path.join(root, file), '\n// edited\n')

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'desa-build-stamp-'))
  for (const source of SOURCES)
    cpSync(source, path.join(root, source), { recursive: true, filter: (from) => !from.split(path.sep).includes('.next') })
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('building only what is stale', () => {
  it('builds both parts of a fresh clone, then nothing while no source changes', () => {
    expect(buildStale()).toEqual(['next', 'astro'])
    expect(buildStale()).toEqual([])
  })

  it('builds the site again after a page is edited, and only the site', () => {
    buildStale()
    appendFileSync(path.join(root, 'site/pages/index.astro'), '\n<p>Pengumuman baru</p>\n')
    expect(buildStale()).toEqual(['astro'])
    expect(buildStale()).toEqual([])
  })

  it('builds both after a collection both bundle is edited, and neither after demo content or seeding code', () => {
    buildStale()
    edit('cms/collections/News.ts')
    expect(buildStale()).toEqual(['next', 'astro'])
    edit('cms/seed/index.ts')
    cpSync('content/village.json', path.join(root, 'content/village.json'))
    expect(buildStale()).toEqual([])
  })

  it('builds the admin after an admin component or the lockfile changes', () => {
    buildStale()
    edit('cms/components/DueDate.tsx')
    expect(buildStale()).toEqual(['next'])
    appendFileSync(path.join(root, 'package-lock.json'), ' ')
    expect(buildStale()).toEqual(['next', 'astro'])
  })

  it('builds again when the output is gone, or was built without a stamp (by hand, or by a build that failed)', () => {
    buildStale()
    rmSync(path.join(root, PARTS.site.output))
    expect(buildStale()).toEqual(['astro'])
    rmSync(path.join(root, PARTS.admin.stamp))
    expect(buildStale()).toEqual(['next'])
    const failing: Runner = () => {
      throw new Error('next build failed')
    }
    expect(() => build({ onlyStale: false, root, run: failing })).toThrow('next build failed')
    expect(buildStale()).toEqual(['next'])
  })
})

describe("a bundle's inputs", () => {
  it('are the site, its public files and the cms and server modules the site imports, not the rest', () => {
    const site = buildInputs('site')
    expect(site).toEqual(
      expect.arrayContaining(['site/pages/index.astro', 'site/serviceWorker/sw.ts', 'astro.config.mjs', 'package-lock.json']),
    )
    expect(site).toEqual(expect.arrayContaining(['cms/payload.config.ts', 'cms/collections/News.ts', 'server/body-limit.ts']))
    for (const outside of ['server/app.ts', 'cms/seed/index.ts', 'cms/app/(payload)/layout.tsx', 'scripts/start.ts'])
      expect(site).not.toContain(outside)
  })

  it("are the admin's Next.js app and the cms modules it imports, nothing of the site", () => {
    const admin = buildInputs('admin')
    expect(admin).toEqual(
      expect.arrayContaining(['cms/app/(payload)/layout.tsx', 'cms/payload.config.ts', 'cms/components/DueDate.tsx', 'cms/tsconfig.json']),
    )
    expect(admin.filter((file) => /^(site|public|server|scripts)\//.test(file))).toEqual([])
    expect(admin).not.toContain('cms/seed/index.ts')
  })

  it('are found by following every local import: none names a missing file', () => {
    for (const part of ['admin', 'site'] as const)
      expect(buildInputs(part).flatMap((file) => unresolvedImports(process.cwd(), file).map((s) => `${file}: ${s}`))).toEqual([])
  })
})
