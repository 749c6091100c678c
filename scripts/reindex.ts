import { bootPayload } from './lib/boot'
import { runMain } from './lib/problem'

/** `npm run reindex`: rebuilds every search index from the database, with a progress bar. */
runMain(async () => {
  const payload = await bootPayload()
  const { reindexAll } = await import('../cms/search/sync')
  const { searchEngine } = await import('../cms/search/engine')
  const started = Date.now()
  const bar = (done: number, total: number, collection: string) => {
    const width = 30
    const filled = total ? Math.round((done / total) * width) : width
    const percent = total ? Math.round((done / total) * 100) : 100
    process.stdout.write(
      `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${done}/${total} (${collection})   `,
    )
  }
  console.log(`Rebuilding the search indexes (${searchEngine().kind})…`)
  const { total } = await reindexAll(payload, bar)
  process.stdout.write('\n')
  console.log(`Done: ${total} documents in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
  process.exit(0)
})
