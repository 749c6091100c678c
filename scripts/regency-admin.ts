import { parseArgs } from 'node:util'
import { bootPayload } from './lib/boot'
import { ConfigProblem, runMain } from './lib/problem'

/** `npm run regency-admin -- --email someone@example.id`: makes that account an administrator of every village. */
runMain(async () => {
  const { values } = parseArgs({ options: { email: { type: 'string' } } })
  if (!values.email) throw new ConfigProblem('Say whose account: npm run regency-admin -- --email someone@example.id')
  const payload = await bootPayload()
  const { makeRegencyAdministrator } = await import('../cms/villages/regency')
  const account = await makeRegencyAdministrator(payload, values.email)
  console.log(`${account.name} <${account.email}> is now a regency administrator (administrator kabupaten).`)
  process.exit(0)
})
