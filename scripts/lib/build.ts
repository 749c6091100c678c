import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { childEnvironment } from '../../cms/lib/config'

const outputs = { admin: 'cms/.next/BUILD_ID', site: 'dist/server/entry.mjs' } as const

const run = (cmd: string, args: string[]) => {
  const result = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: childEnvironment({ NODE_ENV: 'production', DESA_BUILD: '1', NEXT_TELEMETRY_DISABLED: '1', ASTRO_TELEMETRY_DISABLED: '1' }),
  })
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`)
}

/** Builds the admin (Next.js) and the site (Astro); with `onlyMissing`, only what has no build yet. */
export const build = ({ onlyMissing }: { onlyMissing: boolean }) => {
  const missing = (key: keyof typeof outputs) => !onlyMissing || !existsSync(path.resolve(outputs[key]))
  if (missing('admin')) {
    console.log('Building the admin (Next.js)…')
    run('next', ['build', 'cms'])
  }
  if (missing('site')) {
    console.log('Building the site (Astro)…')
    run('astro', ['build'])
  }
}
