import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export type RunningServer = { url: string; dir: string; process: ChildProcess; output: () => string; stop: () => Promise<void> }

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
    probe.on('error', reject)
  })

/** Runs `npm start`'s script (tsx scripts/start.ts) with the given environment; resolves when it exits. */
export const runStart = (env: Record<string, string | undefined>) => {
  // The server runs as in production, not as part of the test runner: start decides NODE_ENV (or the
  // test sets it), and the background jobs run.
  const {
    NODE_ENV: _testMode,
    VITEST: _vitest,
    VITEST_MODE: _vitestMode,
    VITEST_POOL_ID: _pool,
    VITEST_WORKER_ID: _worker,
    ...inherited
  } = process.env
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    // Next.js's types make NODE_ENV mandatory in every environment object.
    env: { ...inherited, ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output: () => output, exited }
}

/**
 * The production server on a free port with a fresh database and media folder; seeds itself.
 * Given the `dir` of a server that stopped (or was killed), it starts again on that database and those files.
 */
export const startServer = async (
  env: Record<string, string> = {},
  dir = mkdtempSync(path.join(os.tmpdir(), 'desa-e2e-')),
): Promise<RunningServer> => {
  const port = await freePort()
  const run = runStart({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `file:${path.join(dir, 'desa.db')}`,
    MEDIA_DIR: path.join(dir, 'media'),
    PRIVATE_DIR: path.join(dir, 'private'),
    PAYLOAD_SECRET: 'e2e-test-secret',
    ...env,
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 180_000
  for (;;) {
    if (run.child.exitCode !== null) throw new Error(`The server stopped while starting:\n${run.output()}`)
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) break
    if (Date.now() > deadline) throw new Error(`The server did not answer in time:\n${run.output()}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  return {
    url,
    dir,
    process: run.child,
    output: run.output,
    stop: async () => {
      run.child.kill('SIGTERM')
      await run.exited
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
