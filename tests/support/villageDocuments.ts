import type { Payload, RequiredDataFromCollectionSlug } from 'payload'
import type { User } from '../../cms/payload-types'
import { podcastOf, settingsOf } from '../../cms/villages/settings'

/** Who saves: an account through access control, or (by default) a script with full access. */
type As = { user?: User & { collection: 'users' }; overrideAccess?: boolean; locale?: 'id' | 'en'; context?: Record<string, unknown> }

/** Saves the settings of the install's only village, as its administrator does on the settings page. */
export const saveSettings = async (payload: Payload, data: Partial<RequiredDataFromCollectionSlug<'settings'>>, as: As = {}) => {
  const { id } = await settingsOf(payload, null, { depth: 0 })
  return payload.update({ collection: 'settings', id, data, overrideAccess: true, ...as })
}

/** Saves the podcast show of the install's only village: describes it the first time, changes it afterwards. */
export const savePodcast = async (payload: Payload, data: Partial<RequiredDataFromCollectionSlug<'podcast'>>, as: As = {}) => {
  const show = await podcastOf(payload, null, { depth: 0 })
  return show
    ? payload.update({ collection: 'podcast', id: show.id, data, overrideAccess: true, ...as })
    : payload.create({ collection: 'podcast', data: data as RequiredDataFromCollectionSlug<'podcast'>, overrideAccess: true, ...as })
}
