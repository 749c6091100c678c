import path from 'node:path'

// Paths come from the working directory (or the settings, cms/lib/config.ts), never import.meta.url: Astro and Next bundle this code.
export const rootDir = () => process.cwd()
export const dataDir = () => path.resolve(/* turbopackIgnore: true */ rootDir(), 'data')
