import type { Config, JobsConfig } from 'payload'
import { isAdminRequest } from '../access'
import { SearchSynonyms } from '../collections/SearchSynonyms'
import { SearchStatus } from '../globals/SearchStatus'
import { SOURCES } from './sources'
import { SEARCH_QUEUE, searchTasks, syncHooks } from './sync'

const searchSync = { cron: '*/3 * * * * *', queue: SEARCH_QUEUE, limit: 50 }

/** The other queues' schedule (a list, or a function of Payload giving one) with the search queue's added. */
const withSearchSync = (autoRun: JobsConfig['autoRun']): JobsConfig['autoRun'] =>
  typeof autoRun === 'function' ? async (payload) => [...(await autoRun(payload)), searchSync] : [...(autoRun ?? []), searchSync]

/**
 * Search wiring: sync hooks on every collection that has a source, the synonyms collection, the status
 * global, and the queued sync jobs (run every few seconds by the server, retried with backoff).
 */
export const searchPlugin = (config: Config): Config => ({
  ...config,
  collections: [
    ...(config.collections ?? []).map((collection) => {
      if (!SOURCES.some((s) => s.collection === collection.slug)) return collection
      const { afterChange, afterDelete } = syncHooks(collection.slug)
      const hooks = collection.hooks ?? {}
      return {
        ...collection,
        hooks: {
          ...hooks,
          afterChange: [...(hooks.afterChange ?? []), afterChange],
          afterDelete: [...(hooks.afterDelete ?? []), afterDelete],
        },
      }
    }),
    SearchSynonyms,
  ],
  globals: [...(config.globals ?? []), SearchStatus],
  jobs: {
    ...config.jobs,
    tasks: [...(config.jobs?.tasks ?? []), ...searchTasks],
    access: { run: isAdminRequest, queue: isAdminRequest, cancel: isAdminRequest, ...config.jobs?.access },
    autoRun: withSearchSync(config.jobs?.autoRun),
  },
})
