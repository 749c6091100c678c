import { spawn } from 'node:child_process'
import { childEnvironment } from '../../cms/lib/config'

/**
 * Starts tests/support/anotherInstance.ts: another app process on this process's environment (the same database
 * file), which does not push the schema this process made. Resolves once it is ready; `send` runs one command there.
 */
export const startAnotherInstance = async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/anotherInstance.ts'], {
    env: childEnvironment({ PAYLOAD_PUSH_SCHEMA: 'false' }),
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  const exited = new Promise<never>((_, reject) =>
    child.on('exit', (code) => reject(new Error(`The other instance exited (${code}):\n${output}`))),
  )
  /** The first line after `from` that starts with `prefix`. */
  const lineAfter = async (from: number, prefix: string): Promise<string> => {
    for (;;) {
      const line = output
        .slice(from)
        .split('\n')
        .find((l) => l.startsWith(prefix))
      if (line !== undefined) return line.slice(prefix.length)
      await Promise.race([new Promise((resolve) => child.stdout.once('data', resolve)), exited])
    }
  }
  await lineAfter(0, 'ready')
  return {
    send: async <T>(command: string): Promise<T> => {
      const from = output.length
      child.stdin.write(`${command}\n`)
      return JSON.parse(await lineAfter(from, 'done ')) as T
    },
    stop: () => child.kill(),
  }
}
