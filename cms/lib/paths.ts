import path from 'node:path'

// Paths come from the working directory or env, never import.meta.url: Astro and Next bundle this code.
export const rootDir = () => process.cwd()
export const dataDir = () => path.resolve(/* turbopackIgnore: true */ rootDir(), 'data')
export const mediaDir = () => path.resolve(/* turbopackIgnore: true */ rootDir(), process.env.MEDIA_DIR || 'data/media')
/** Residents' uploads and issued letters: never served publicly. */
export const privateDir = () => path.resolve(/* turbopackIgnore: true */ rootDir(), process.env.PRIVATE_DIR || 'data/private')
