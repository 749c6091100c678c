import type { Media, Page, Setting } from '../../cms/payload-types'
import type { Locale } from '../i18n/locales'
import { cachedRead } from '../../cms/page-cache/cachedRead'
import { asAnonymous, byKey, payload } from './payload'
import { populated } from '../../cms/lib/relation'
import { settingsOf } from '../../cms/villages/settings'

/** Pages read as an anonymous visitor, so the collections' access rules (published only) apply. */

export type Settings = Setting
type ProfilePage = Page
type ProfileLink = Pick<Page, 'id' | 'slug' | 'title' | 'summary'>

/** The village's settings, read once per language until they change (every page shows them). */
export const getSettings = (locale: Locale): Promise<Settings> =>
  cachedRead(`settings:${locale}`, async () => settingsOf(await payload(), null, { locale, ...asAnonymous }))

export const listProfilePages = (locale: Locale): Promise<ProfileLink[]> =>
  cachedRead(`profile-pages:${locale}`, async () => {
    const { docs } = await (
      await payload()
    ).find({
      collection: 'pages',
      locale,
      sort: 'order',
      limit: 50,
      depth: 0,
      select: { slug: true, title: true, summary: true },
      ...asAnonymous,
    })
    return docs
  })

export const getProfilePage = (slug: string, locale: Locale): Promise<ProfilePage | null> =>
  cachedRead(`profile-page:${locale}:${slug}`, async () => {
    const { docs } = await (
      await payload()
    ).find({
      collection: 'pages',
      locale,
      where: { slug: { equals: slug } },
      limit: 1,
      depth: 1,
      ...asAnonymous,
      ...byKey,
    })
    return docs[0] ?? null
  })

/** A populated upload field, or null when it is empty or was not populated. */
export const asMedia = (value: number | Media | null | undefined): Media | null => populated(value)
