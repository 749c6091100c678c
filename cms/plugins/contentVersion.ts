import type { Config, Plugin } from 'payload'

// On globalThis: the admin (Next.js), the site (Astro) and the server each bundle their own copy of this module.
const state = ((globalThis as { __desaContent?: { version: number } }).__desaContent ??= { version: 0 })

/** Increases whenever something shown on public pages is saved or deleted in the CMS by this process. */
export const contentVersion = () => state.version

/** Marks every cached page as out of date (also for changes made outside Payload's hooks, such as stock). */
export const markContentChanged = () => {
  state.version += 1
}

/**
 * Records that no public page shows: residents' requests and letters, orders and their proofs (stock
 * moves call markContentChanged itself), the audit log, Stripe's events and the search engine's status.
 * They are written all day long; saving one must not empty the page cache.
 */
const NOT_ON_PUBLIC_PAGES = new Set([
  'service-requests',
  'letters',
  'orders',
  'payment-proofs',
  'audit-log',
  'stripe-events',
  'search-status',
])

const bumpAfter = <T extends { doc: unknown }>({ doc }: T) => {
  markContentChanged()
  return doc
}

/** Adds a hook to every collection and global shown on public pages that marks cached pages as out of date. */
export const contentVersionPlugin: Plugin = (config: Config): Config => ({
  ...config,
  collections: config.collections?.map((collection) =>
    NOT_ON_PUBLIC_PAGES.has(collection.slug)
      ? collection
      : {
          ...collection,
          hooks: {
            ...collection.hooks,
            afterChange: [...(collection.hooks?.afterChange ?? []), bumpAfter],
            afterDelete: [...(collection.hooks?.afterDelete ?? []), bumpAfter],
          },
        },
  ),
  globals: config.globals?.map((global) =>
    NOT_ON_PUBLIC_PAGES.has(global.slug)
      ? global
      : { ...global, hooks: { ...global.hooks, afterChange: [...(global.hooks?.afterChange ?? []), bumpAfter] } },
  ),
})
