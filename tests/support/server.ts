import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
    probe.on('error', reject)
  })

/**
 * The environment of a program run as in production, not as part of the test runner: it decides NODE_ENV
 * (or the test sets it), and Payload runs its migrations and background jobs as it would for a village.
 */
export const productionEnv = (env: Record<string, string | undefined>): NodeJS.ProcessEnv => {
  const {
    NODE_ENV: _testMode,
    VITEST: _vitest,
    VITEST_MODE: _vitestMode,
    VITEST_POOL_ID: _pool,
    VITEST_WORKER_ID: _worker,
    ...inherited
  } = process.env
  // Next.js's types make NODE_ENV mandatory in every environment object.
  return { ...inherited, ...env } as NodeJS.ProcessEnv
}

/** Where a village keeps its data: the SQLite file (the search snapshot lies beside it), media and private files. */
export const dataEnv = (dir: string) => ({
  DATABASE_URL: `file:${path.join(dir, 'desa.db')}`,
  MEDIA_DIR: path.join(dir, 'media'),
  PRIVATE_DIR: path.join(dir, 'private'),
})

/** Runs `npm start`'s script (tsx scripts/start.ts) with the given environment; resolves when it exits. */
export const runStart = (env: Record<string, string | undefined>) => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: productionEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output: () => output, exited }
}

export type ServerOptions = {
  /** Added to (or replacing) the server's environment. */
  env?: Record<string, string>
  /** A village folder (see dataEnv) the server starts from a copy of; without one it starts empty and seeds itself. */
  from?: string
  /** Another server whose data folder (database, files) this one runs on, as a second instance; the folder stays that server's. */
  sharing?: ProductionServer
}

/**
 * The production server (`npm start`) on a free port, on its own data folder: `start()`, `stop()` (as a deploy
 * does: SIGTERM) and `start()` again, or `restart()` (after a stop, a crash or a kill) run it on the same folder;
 * `close()` stops it and removes the folder.
 */
export class ProductionServer {
  url = ''
  /** The data folder, made on the first start. */
  dir = ''
  process!: ChildProcess
  private port = 0
  private run: ReturnType<typeof runStart> | null = null

  constructor(private readonly options: ServerOptions = {}) {}

  /** Everything the running (or last) process printed. */
  output() {
    return this.run?.output() ?? ''
  }

  /** Starts the server and resolves once /healthz answers. */
  async start() {
    if (this.options.sharing) this.dir = this.options.sharing.dir
    if (!this.dir) {
      this.dir = mkdtempSync(path.join(os.tmpdir(), 'desa-e2e-'))
      if (this.options.from) cpSync(this.options.from, this.dir, { recursive: true })
    }
    // The same port on every start, as a deployment keeps its address: a restarted server is the same instance.
    const port = (this.port ||= await freePort())
    const run = runStart({
      PORT: String(port),
      HOST: '127.0.0.1',
      ...dataEnv(this.dir),
      PAYLOAD_SECRET: 'e2e-test-secret',
      ...this.options.env,
    })
    this.run = run
    this.process = run.child
    this.url = `http://127.0.0.1:${port}`
    const deadline = Date.now() + 180_000
    for (;;) {
      if (run.child.exitCode !== null) throw new Error(`The server stopped while starting:\n${run.output()}`)
      const ok = await fetch(`${this.url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
      if (ok) return this
      if (Date.now() > deadline) throw new Error(`The server did not answer in time:\n${run.output()}`)
      await new Promise((r) => setTimeout(r, 250))
    }
  }

  /** Starts a new process on the same data folder, as `npm start` does after a stop, a crash or a kill. */
  async restart() {
    await this.stop()
    return this.start()
  }

  /** Stops the server as a deploy does (SIGTERM) and waits until it exited; the data folder stays. */
  async stop() {
    const run = this.run
    if (!run || run.child.exitCode !== null || run.child.signalCode !== null) return
    run.child.kill('SIGTERM')
    await run.exited
  }

  /** Stops the server and removes its data folder (unless it is another server's). */
  async close() {
    await this.stop()
    if (this.dir && !this.options.sharing) rmSync(this.dir, { recursive: true, force: true })
  }
}
