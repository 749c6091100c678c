import { spawn } from 'node:child_process'
import { childEnvironment } from '../../cms/lib/config'

/**
 * Starts tests/support/letterIssuer.ts in its own process on this process's environment (the same database file),
 * without pushing the schema this process made. Resolves once it is ready: `go()` then resolves with the sequences
 * of the letters it issued.
 */
export const startLetterIssuer = async (requestIds: number[]) => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/letterIssuer.ts', ...requestIds.map(String)], {
    env: childEnvironment({ PAYLOAD_PUSH_SCHEMA: 'false' }),
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  let output = ''
  const waitFor = (test: (text: string) => string | null) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = test(output)
        if (found !== null) resolve(found)
      }
      child.stdout.on('data', (d) => {
        output += d
        check()
      })
      child.on('exit', (code) => reject(new Error(`The letter issuer exited (${code}):\n${output}`)))
      check()
    })
  await waitFor((text) => (text.includes('ready\n') ? '' : null))
  return {
    go: async (): Promise<number[]> => {
      child.stdin.write('go\n')
      const line = await waitFor((text) => text.split('\n').find((l) => l.startsWith('sequences [') && l.endsWith(']')) ?? null)
      return JSON.parse(line.slice('sequences '.length)) as number[]
    },
  }
}
