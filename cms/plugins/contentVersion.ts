import type { Config, Plugin } from 'payload'

// On globalThis: the admin (Next.js), the site (Astro) and the server each bundle their own copy of this module.
const state = ((globalThis as { __desaContent?: { version: number } }).__desaContent ??= { version: 0 })

/** Increases whenever anything is saved or deleted in the CMS by this process. */
export const contentVersion = () => state.version

const bumpAfter = <T extends { doc: unknown }>({ doc }: T) => {
  state.version += 1
  return doc
}

/** Adds a hook to every collection and global that marks cached pages as out of date. */
export const contentVersionPlugin: Plugin = (config: Config): Config => ({
  ...config,
  collections: config.collections?.map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      afterChange: [...(collection.hooks?.afterChange ?? []), bumpAfter],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), bumpAfter],
    },
  })),
  globals: config.globals?.map((global) => ({
    ...global,
    hooks: { ...global.hooks, afterChange: [...(global.hooks?.afterChange ?? []), bumpAfter] },
  })),
})
