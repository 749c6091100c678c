import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PARTS, inputHash, type Part } from './build-inputs'
import { childEnvironment } from '../../cms/lib/config'

const TOOLS: Record<Part, { label: string; command: [string, string[]] }> = {
  admin: { label: 'the admin (Next.js)', command: ['next', ['build', 'cms']] },
  site: { label: 'the site (Astro)', command: ['astro', ['build']] },
}

/** Runs a build tool in `root`; throws when it fails. */
export type Runner = (command: string, args: string[], root: string) => void

const runTool: Runner = (cmd, args, root) => {
  const result = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: childEnvironment({ NODE_ENV: 'production', DESA_BUILD: '1', NEXT_TELEMETRY_DISABLED: '1', ASTRO_TELEMETRY_DISABLED: '1' }),
  })
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`)
}

/** Why the part must be built again, or null when its build matches its sources. */
export const staleness = (part: Part, root = process.cwd()): { reason: string; hash: string } | null => {
  const hash = inputHash(part, root)
  const { output, stamp } = PARTS[part]
  if (!existsSync(path.join(root, output))) return { reason: 'not built yet', hash }
  const stampFile = path.join(root, stamp)
  if (!existsSync(stampFile)) return { reason: 'built from unknown sources', hash }
  if (readFileSync(stampFile, 'utf8').trim() !== hash) return { reason: 'its sources changed', hash }
  return null
}

/**
 * Builds the admin (Next.js) and the site (Astro). With `onlyStale`, only a part that was never built or
 * whose sources (see build-inputs.ts) changed since its build. Each build is stamped with the hash of the
 * sources it started from, so an edit made while it ran is built next time.
 */
export const build = ({ onlyStale, root = process.cwd(), run = runTool }: { onlyStale: boolean; root?: string; run?: Runner }) => {
  for (const part of Object.keys(PARTS) as Part[]) {
    const stale = staleness(part, root)
    if (onlyStale && !stale) continue
    const hash = stale?.hash ?? inputHash(part, root)
    const { label, command } = TOOLS[part]
    console.log(`Building ${label}${stale && onlyStale ? `: ${stale.reason}` : ''}…`)
    // A build that fails half-way must not keep the stamp of the one before it.
    rmSync(path.join(root, PARTS[part].stamp), { force: true })
    run(command[0], command[1], root)
    writeFileSync(path.join(root, PARTS[part].stamp), `${hash}\n`)
  }
}
