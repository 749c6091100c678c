import { createInterface } from 'node:readline'
import { getPayload } from 'payload'
import { issueLetter } from '../../cms/resident-services/letters'

/**
 * A second app process on the test's database file (see runLetterIssuer): it boots Payload, says `ready`, and on
 * `go` issues the letters of the requests named on its command line, all at once, then prints their sequences.
 */
const ids = process.argv.slice(2).map(Number)
const { default: config } = await import('../../cms/payload.config')
const payload = await getPayload({ config })
console.log('ready')
for await (const line of createInterface({ input: process.stdin })) {
  if (line !== 'go') continue
  const letters = await Promise.all(ids.map((id) => issueLetter(payload, id)))
  console.log(`sequences ${JSON.stringify(letters.map((letter) => letter.sequence))}`)
  process.exit(0)
}
