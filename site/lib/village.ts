import type { Media, Page, Setting } from '../../cms/payload-types'
import type { Locale } from '../i18n/locales'
import { asAnonymous, payload } from './payload'
import { populated } from '../../cms/lib/relation'

/** Pages read as an anonymous visitor, so the collections' access rules (published only) apply. */

export type Settings = Setting
type ProfilePage = Page
type ProfileLink = Pick<Page, 'id' | 'slug' | 'title' | 'summary'>

export const getSettings = async (locale: Locale): Promise<Settings> =>
  (await payload()).findGlobal({ slug: 'settings', locale, depth: 1, ...asAnonymous })

export const listProfilePages = async (locale: Locale): Promise<ProfileLink[]> => {
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
}

export const getProfilePage = async (slug: string, locale: Locale): Promise<ProfilePage | null> => {
  const { docs } = await (
    await payload()
  ).find({
    collection: 'pages',
    locale,
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 1,
    ...asAnonymous,
  })
  return docs[0] ?? null
}

/** A populated upload field, or null when it is empty or was not populated. */
export const asMedia = (value: number | Media | null | undefined): Media | null => populated(value)
