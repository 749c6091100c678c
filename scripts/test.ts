import { spawn } from 'node:child_process'

/**
 * `npm test [VITEST ARGS…]`: the type check and the lint side by side, then every vitest project (arguments go
 * to vitest). Stops at the first step that fails; prints how long each step and the whole run took.
 */
type Step = { name: string; command: string; args: string[] }

const started = Date.now()
const took = (since: number) => {
  const seconds = Math.round((Date.now() - since) / 1000)
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`
}
const timings: string[] = []

/** Runs a step; its output is shown as it comes (`live`) or once it is done, so that parallel steps do not mix. */
const run = ({ name, command, args }: Step, live: boolean) =>
  new Promise<boolean>((resolve) => {
    const since = Date.now()
    const child = spawn(command, args, { stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'] })
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
  console.log(`\nnpm test ${ok ? 'passed' : 'failed'} in ${took(started)} (${timings.join(', ')}).`)
  process.exit(ok ? 0 : 1)
}

const checks = await Promise.all([
  run({ name: 'type check', command: 'npm', args: ['run', '--silent', 'typecheck'] }, false),
  run({ name: 'lint', command: 'npm', args: ['run', '--silent', 'lint'] }, false),
])
if (checks.includes(false)) finish(false)
finish(await run({ name: 'tests', command: 'vitest', args: ['run', ...process.argv.slice(2)] }, true))
