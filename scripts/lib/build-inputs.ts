import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

/**
 * What each production bundle is made from. A bundle's inputs are its entry files, every file of this
 * repository they import (followed through imports, so the site's inputs are the `cms/` and `server/`
 * modules it really bundles, not all of them), and the configuration every build reads.
 */
export type Part = 'admin' | 'site'

type PartSpec = {
  /** Folders (all their files) and files the bundler starts from. */
  entries: string[]
  /** Read by the build but not imported by the entries. */
  configs: string[]
  /** Exists once the bundle was built. */
  output: string
  /** Where the hash of the inputs the bundle was built from is kept (inside the output, so both go together). */
  stamp: string
}

const SHARED_CONFIGS = ['package.json', 'package-lock.json', 'tsconfig.json']

export const PARTS: Record<Part, PartSpec> = {
  admin: {
    entries: ['cms/app', 'cms/proxy.ts', 'cms/next.config.mjs'],
    configs: [...SHARED_CONFIGS, 'cms/tsconfig.json'],
    output: 'cms/.next/BUILD_ID',
    stamp: 'cms/.next/desa-build-inputs.sha256',
  },
  site: {
    entries: ['site', 'public', 'astro.config.mjs'],
    configs: SHARED_CONFIGS,
    output: 'dist/server/entry.mjs',
    stamp: 'dist/desa-build-inputs.sha256',
  },
}

/** Import aliases of tsconfig.json / cms/tsconfig.json. */
const ALIASES: Record<string, string> = { '@payload-config': 'cms/payload.config.ts' }
const SKIPPED_DIRS = new Set(['node_modules', '.next', 'dist', '.astro', 'data'])
const SOURCE = /\.(ts|tsx|mts|js|mjs|cjs|jsx|astro|css|scss)$/
const RESOLVABLE = ['.ts', '.tsx', '.mts', '.js', '.mjs', '.jsx', '.astro', '.json']
// `import … from '…'`, `export … from '…'`, `import '…'`, `import('…')`, CSS `@import '…'`, `<script src="…">`.
const SPECIFIERS = [
  /\bfrom\s*['"]([^'"\n]+)['"]/g,
  /\bimport\s*\(?\s*['"]([^'"\n]+)['"]/g,
  /@import\s+(?:url\()?['"]([^'"\n]+)['"]/g,
  /<script\b[^>]*\bsrc=["'](\.{1,2}\/[^"']+)["']/g,
]

const filesUnder = (root: string, relative: string): string[] => {
  const full = path.join(root, relative)
  if (!existsSync(full)) return []
  if (!statSync(full).isDirectory()) return [relative]
  return readdirSync(full, { withFileTypes: true })
    .filter((entry) => !SKIPPED_DIRS.has(entry.name))
    .flatMap((entry) => filesUnder(root, path.posix.join(relative, entry.name)))
}

const isFile = (root: string, relative: string) => {
  const full = path.join(root, relative)
  return existsSync(full) && statSync(full).isFile()
}

/** The repository file an import specifier names, or null for a package (the lockfile covers those). */
export const resolveImport = (root: string, from: string, specifier: string): string | null => {
  const bare = specifier.split('?')[0]
  let target: string
  if (ALIASES[bare]) target = ALIASES[bare]
  else if (bare.startsWith('./') || bare.startsWith('../')) target = path.posix.join(path.posix.dirname(from), bare)
  else return null
  if (target.startsWith('..')) return null
  const candidates = [
    target,
    ...RESOLVABLE.map((ext) => target + ext),
    ...RESOLVABLE.map((ext) => `${target}/index${ext}`),
    // TypeScript's ESM style: `./x.js` names `./x.ts`.
    ...(/\.m?js$/.test(target) ? ['.ts', '.tsx', '.mts'].map((ext) => target.replace(/\.m?js$/, ext)) : []),
  ]
  return candidates.find((candidate) => isFile(root, candidate)) ?? null
}

/** The relative imports of a source file that name no file of the repository. */
export const unresolvedImports = (root: string, file: string): string[] =>
  specifiersOf(root, file).filter((s) => (s.startsWith('.') || ALIASES[s]) && resolveImport(root, file, s) === null)

const specifiersOf = (root: string, file: string): string[] => {
  if (!SOURCE.test(file)) return []
  const text = readFileSync(path.join(root, file), 'utf8')
  return SPECIFIERS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1]))
}

/** Every file of the repository the part's bundle is made from, sorted. */
export const buildInputs = (part: Part, root = process.cwd()): string[] => {
  const spec = PARTS[part]
  const seen = new Set<string>()
  const queue = spec.entries.flatMap((entry) => filesUnder(root, entry))
  while (queue.length) {
    const file = queue.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    for (const specifier of specifiersOf(root, file)) {
      const imported = resolveImport(root, file, specifier)
      if (imported && !seen.has(imported)) queue.push(imported)
    }
  }
  for (const config of spec.configs) if (isFile(root, config)) seen.add(config)
  return [...seen].sort()
}

/** A hash of the names and contents of the part's inputs: equal hashes, equal bundles. */
export const inputHash = (part: Part, root = process.cwd()): string => {
  const hash = createHash('sha256').update(`desa-build-inputs 1 ${part}\n`)
  for (const file of buildInputs(part, root)) {
    hash.update(`${file}\0`)
    hash.update(
      createHash('sha256')
        .update(readFileSync(path.join(root, file)))
        .digest('hex'),
    )
    hash.update('\n')
  }
  return hash.digest('hex')
}
