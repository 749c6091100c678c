/**
 * The site URL of a draft for the admin's preview button: the site shows drafts to signed-in staff. A path on
 * the admin's own origin (the site and the admin are served together), so the session cookie goes with it.
 */
export const sitePreviewUrl = (path: string, locale: string | undefined) => `${locale === 'en' ? '/en' : ''}${path}?preview=1`
