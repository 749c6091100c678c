/**
 * Loads the benchmark dataset into the database named by DATABASE_URL (already migrated and seeded),
 * then rebuilds the search indexes once. Run by `npm run bench` while no server holds the database.
 */
import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import { bootPayload } from '../../../scripts/lib/boot'
import { runMain } from '../../../scripts/lib/problem'
import { loadDataset } from './dataset'

runMain(async () => {
  const payload = await bootPayload()
  const log = (m: string) => console.log(`[dataset] ${m}`)
  const editorConfig = await editorConfigFactory.default({ config: payload.config })
  const started = Date.now()
  await loadDataset(payload, (text) => convertMarkdownToLexical({ editorConfig, markdown: text }), log)
  // Every save above queued a search sync; one full rebuild replaces them all (and drops the queued jobs).
  const { reindexAll } = await import('../../../cms/search/sync')
  const { total } = await reindexAll(payload)
  log(`search: ${total} documents indexed; dataset ready in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  process.exit(0)
})
