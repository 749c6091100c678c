import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { childEnvironment } from '../cms/lib/config'

/**
 * `npm test [VITEST ARGS…]`: the type check and the lint side by side, then every vitest project (arguments go
 * to vitest). Stops at the first step that fails; prints how long each step and the whole run took.
 * Everything the tests, their servers and browsers put in the temporary folder goes in one folder of this run,
 * removed at the end: a copy of the demo village is 47 MB, and a runner that tests every commit keeps its disk.
 */
type Step = { name: string; command: string; args: string[] }

const started = Date.now()
const scratch = mkdtempSync(path.join(os.tmpdir(), 'desa-test-run-'))
const took = (since: number) => {
  const seconds = Math.round((Date.now() - since) / 1000)
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`
}
const timings: string[] = []

/** Runs a step; its output is shown as it comes (`live`) or once it is done, so that parallel steps do not mix. */
const run = ({ name, command, args }: Step, live: boolean) =>
  new Promise<boolean>((resolve) => {
    const since = Date.now()
    const child = spawn(command, args, { stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: childEnvironment({ TMPDIR: scratch }) })
    let output = ''
    child.stdout?.on('data', (d) => (output += d))
    child.stderr?.on('data', (d) => (output += d))
    child.on('exit', (code) => {
      if (output) process.stdout.write(output)
      timings.push(`${name} ${took(since)}`)
      resolve(code === 0)
    })
  })

const finish = (ok: boolean) => {
  rmSync(scratch, { recursive: true, force: true })
  console.log(`\nnpm test ${ok ? 'passed' : 'failed'} in ${took(started)} (${timings.join(', ')}).`)
  process.exit(ok ? 0 : 1)
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    rmSync(scratch, { recursive: true, force: true })
    process.exit(130)
  })

const checks = await Promise.all([
  run({ name: 'type check', command: 'npm', args: ['run', '--silent', 'typecheck'] }, false),
  run({ name: 'lint', command: 'npm', args: ['run', '--silent', 'lint'] }, false),
])
if (checks.includes(false)) finish(false)
finish(await run({ name: 'tests', command: 'vitest', args: ['run', ...process.argv.slice(2)] }, true))
