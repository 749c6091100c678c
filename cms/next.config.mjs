import { withPayload } from '@payloadcms/next/withPayload'

/** The Next.js app only serves the Payload admin (/admin) and REST API (/api); Astro serves the rest. */
const nextConfig = {
  // Compression, security headers and caching are applied once, by the production server (server/).
  compress: false,
  poweredByHeader: false,
  // Type checking runs separately (`npm run typecheck`); Next cannot drive TypeScript 7.
  typescript: { ignoreBuildErrors: true },
  // Payload must be one module instance shared with the Astro site in the same process.
  serverExternalPackages: [
    'payload',
    '@payloadcms/db-sqlite',
    '@payloadcms/db-mongodb',
    '@payloadcms/drizzle',
    'nodemailer',
    'sharp',
    'file-type',
  ],
  turbopack: { root: new URL('..', import.meta.url).pathname },
  images: { unoptimized: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
