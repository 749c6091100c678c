import { createInterface } from 'node:readline'
import { getPayload } from 'payload'
import { issueLetter } from '../../cms/resident-services/letters'

/**
 * A second app process on the test's database file (see startAnotherInstance): it boots Payload, says `ready`, then
 * runs each command it is sent on a line and answers `done <json>`:
 * - `letters 4,5,6`: issues the letters of those requests, all at once; answers their sequences;
 * - `jobs email`: runs the queue's waiting jobs, as the server's job runner does.
 */
const { default: config } = await import('../../cms/payload.config')
const payload = await getPayload({ config })
console.log('ready')
for await (const line of createInterface({ input: process.stdin })) {
  const [command, argument = ''] = line.split(' ')
  if (command === 'letters') {
    const letters = await Promise.all(argument.split(',').map((id) => issueLetter(payload, Number(id))))
    console.log(`done ${JSON.stringify(letters.map((letter) => letter.sequence))}`)
  } else if (command === 'jobs') {
    await payload.jobs.run({ queue: argument, limit: 100 })
    console.log('done null')
  }
}
