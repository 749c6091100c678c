import type { CollectionConfig, Config, GlobalConfig } from 'payload'
import { describe, expect, it } from 'vitest'
import { contentVersion, contentVersionPlugin, markContentChanged } from '../../cms/plugins/contentVersion'

const collection = (slug: string): CollectionConfig => ({ slug, fields: [] })
const global = (slug: string): GlobalConfig => ({ slug, fields: [] })
const config = contentVersionPlugin({
  collections: [collection('news'), collection('service-requests'), collection('audit-log')],
  globals: [global('settings'), global('search-status')],
} as Config) as Config
const save = (hooks: { afterChange?: unknown[] } | undefined) => {
  for (const hook of hooks?.afterChange ?? []) (hook as (args: { doc: unknown }) => unknown)({ doc: {} })
}

describe('cached pages go out of date', () => {
  it('when something shown on public pages is saved: news, the village settings, stock', () => {
    let before = contentVersion()
    save(config.collections![0].hooks)
    expect(contentVersion()).toBeGreaterThan(before)
    before = contentVersion()
    save(config.globals![0].hooks)
    expect(contentVersion()).toBeGreaterThan(before)
    before = contentVersion()
    markContentChanged()
    expect(contentVersion()).toBeGreaterThan(before)
  })

  it('but not when a resident submits a request, staff read one, or the search engine reports its status', () => {
    const before = contentVersion()
    save(config.collections![1].hooks)
    save(config.collections![2].hooks)
    save(config.globals![1].hooks)
    expect(contentVersion()).toBe(before)
  })
})
