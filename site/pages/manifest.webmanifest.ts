import type { APIRoute } from 'astro'
import { DEFAULT_LOCALE, localePath } from '../i18n/locales'

/** The site's colours (site/styles/global.css: --green, --sand). */
const THEME = '#0b5d3b'
const BACKGROUND = '#f7f3ea'

/** Home screens show about 12 characters: "Desa Sukamaju" becomes "Sukamaju". */
const shortName = (name: string) => (name.length <= 12 ? name : name.replace(/^desa\s+/i, ''))

/** The web app manifest in the page's language (/manifest.webmanifest, /en/manifest.webmanifest). */
export const GET: APIRoute = async ({ locals }) => {
  const settings = await locals.settings()
  const manifest = {
    id: localePath(DEFAULT_LOCALE, '/'),
    name: settings.name,
    short_name: shortName(settings.name),
    description: settings.description || locals.t('app.description'),
    lang: locals.locale,
    start_url: localePath(locals.locale, '/'),
    scope: localePath(DEFAULT_LOCALE, '/'),
    display: 'standalone',
    theme_color: THEME,
    background_color: BACKGROUND,
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  }
  return new Response(JSON.stringify(manifest), {
    headers: { 'Content-Type': 'application/manifest+json; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  })
}
