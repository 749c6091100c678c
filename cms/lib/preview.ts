/** The site URL of a draft for the admin's preview button: the site shows drafts to signed-in staff. */
export const sitePreviewUrl = (path: string, locale: string | undefined) => {
  const base = process.env.PUBLIC_URL || ''
  const prefix = locale === 'en' ? '/en' : ''
  return `${base}${prefix}${path}?preview=1`
}
