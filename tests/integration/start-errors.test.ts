import net from 'node:net'
import { describe, expect, it } from 'vitest'
import { freePort, runStart } from '../support/server'

/** Each bad setting stops `npm start` with exit code 1 and one sentence that says what to fix. */
const failure = async (env: Record<string, string | undefined>) => {
  const run = runStart({ PORT: String(await freePort()), HOST: '127.0.0.1', ...env })
  const code = await run.exited
  const output = run.output()
  expect(code).toBe(1)
  expect(output).not.toMatch(/\n\s+at /) // no stack trace
  return output.trim()
}

describe('npm start refuses bad settings clearly', () => {
  it('needs PAYLOAD_SECRET in production', async () => {
    expect(await failure({ NODE_ENV: 'production', PAYLOAD_SECRET: undefined })).toBe(
      '✖ PAYLOAD_SECRET is not set: set it to a long random string (e.g. `openssl rand -hex 32`) before starting in production.',
    )
  })

  it('explains any setting it cannot read', async () => {
    expect(await failure({ PAYLOAD_SECRET: 's', PUBLIC_URL: 'desa.example.id' })).toBe(
      '✖ PUBLIC_URL "desa.example.id" is not a web address: write it like https://desa.example.id.',
    )
  })

  it('explains a DATABASE_URL it cannot read', async () => {
    expect(await failure({ PAYLOAD_SECRET: 's', DATABASE_URL: 'postgres://u:pw@db/desa' })).toMatch(
      /^✖ DATABASE_URL "postgres:\/\/\*\*\*@db\/desa" is not understood: use file:PATH/,
    )
  })

  it('says when the database cannot be reached', async () => {
    expect(await failure({ PAYLOAD_SECRET: 's', DATABASE_URL: 'mongodb://127.0.0.1:9/desa' })).toBe(
      '✖ The MongoDB server at 127.0.0.1:9 does not answer: start it or fix DATABASE_URL.',
    )
    expect(await failure({ PAYLOAD_SECRET: 's', DATABASE_URL: 'file:/dev/null/desa/desa.db' })).toMatch(
      /^✖ The SQLite database folder \/dev\/null\/desa cannot be created or written/,
    )
  })

  it('says when the object storage cannot be reached', async () => {
    expect(
      await failure({
        PAYLOAD_SECRET: 's',
        S3_BUCKET: 'desa-media',
        S3_PRIVATE_BUCKET: 'desa-private',
        S3_ENDPOINT: 'http://127.0.0.1:9',
        S3_FORCE_PATH_STYLE: 'true',
        S3_ACCESS_KEY_ID: 'k',
        S3_SECRET_ACCESS_KEY: 's',
      }),
    ).toMatch(/^✖ The object storage at http:\/\/127\.0\.0\.1:9 does not answer \(.+\): start it or fix S3_ENDPOINT\.$/)
  })

  it('says when the port is taken', async () => {
    const busy = net.createServer()
    const port = await new Promise<number>((resolve) =>
      busy.listen(0, '127.0.0.1', () => resolve((busy.address() as net.AddressInfo).port)),
    )
    try {
      const run = runStart({ PORT: String(port), HOST: '127.0.0.1', PAYLOAD_SECRET: 's' })
      expect(await run.exited).toBe(1)
      expect(run.output().trim()).toBe(`✖ Port ${port} is already in use: stop the program using it or set PORT to a free port.`)
    } finally {
      busy.close()
    }
  })
})
