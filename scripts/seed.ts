import path from 'node:path'
import { bootPayload } from './lib/boot'
import { runMain } from './lib/problem'

runMain(async () => {
  const payload = await bootPayload()
  const { seed } = await import('../cms/seed')
  await seed(payload, { contentDir: path.resolve('content'), log: (m) => console.log(`[seed] ${m}`) })
  console.log('[seed] done')
  process.exit(0)
})
