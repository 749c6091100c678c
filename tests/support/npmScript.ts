import { spawn } from 'node:child_process'
import { dataEnv, productionEnv } from './server'

export type ScriptRun = { code: number | null; stdout: string; stderr: string }

/** `npm run <script> -- …args` on a stopped server's data folder, with its settings (its secret and port, and `env`). */
export const runScript = (server: { dir: string; url: string }, script: string, args: string[], env: Record<string, string> = {}) =>
  new Promise<ScriptRun>((resolve) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
      env: productionEnv({ ...dataEnv(server.dir), PAYLOAD_SECRET: 'e2e-test-secret', PORT: new URL(server.url).port, ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
