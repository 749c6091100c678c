import type { Payload } from 'payload'
import { activeVillage } from '../villages/resolve'

/**
 * The site URL of a draft for the admin's preview button: the site shows drafts to signed-in staff. A path on
 * the admin's own origin (the site and the admin are served together), so the session cookie goes with it; under
 * the village's path for a village served on the regency's host.
 */
export const sitePreviewUrl = async (payload: Payload, village: unknown, path: string, locale: string | undefined) => {
  // The admin hands the preview the document as it is in the form: its village an id, or populated.
  const id = typeof village === 'number' ? village : village && typeof village === 'object' && 'id' in village ? village.id : null
  const ref = typeof id === 'number' ? await activeVillage(payload, id) : null
  return `${ref?.base ?? ''}${locale === 'en' ? '/en' : ''}${path}?preview=1`
}
