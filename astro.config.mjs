import node from '@astrojs/node'
import react from '@astrojs/react'
import { defineConfig } from 'astro/config'
import { config } from './cms/lib/config.ts'
import { SITE_BODY_LIMIT } from './server/body-limit.ts'
import { serveFile } from './server/static.ts'
import { interactionDirective } from './site/integrations/interaction.ts'
import { serviceWorker } from './site/integrations/serviceWorker.ts'

// The Payload admin (Next.js) runs beside Astro in development; in production one server routes both.
const adminOrigin = `http://127.0.0.1:${config().adminDevPort}`
const adminPaths = ['/admin', '/api', '/_next', '/__nextjs_original-stack-frames']

/** In production the server in server/ serves /media; in development this plugin does the same. */
const devMedia = {
  name: 'desa-dev-media',
  configureServer(server) {
    server.middlewares.use('/media', (req, res, next) =>
      serveFile(req, res, req.url.split('?')[0], { root: config().mediaDir, maxAge: '0' }, next),
    )
  },
}

export default defineConfig({
  srcDir: './site',
  publicDir: './public',
  outDir: './dist',
  output: 'server',
  adapter: node({ mode: 'middleware' }),
  // Interactive parts are React islands (site/islands/), rendered on the server and hydrated where needed
  // (`client:interaction` too: on the visitor's first touch); the service worker (site/serviceWorker/) is
  // compiled after the client files, named by their content hash.
  integrations: [react(), interactionDirective(), serviceWorker()],
  trailingSlash: 'ignore',
  // External, cacheable CSS keeps the Content-Security-Policy free of inline styles.
  build: { inlineStylesheets: 'never' },
  // Larger bodies are refused by the server before Astro reads them (server/body-limit.ts). Cross-site posts
  // are refused by server/csrf.ts for the site and Payload alike, with a localized message and PUBLIC_URL known
  // (behind a TLS proxy Astro's own check would compare against http://).
  // No `allowedDomains`: with it Astro's clientAddress would be the left-most X-Forwarded-For, which any client
  // writes. It stays the TCP peer; the site reads the address the server resolved from TRUSTED_PROXIES instead
  // (site/lib/rateLimit.ts `clientAddress`, server/clientAddress.ts).
  security: { checkOrigin: false, actionBodySizeLimit: SITE_BODY_LIMIT },
  devToolbar: { enabled: false },
  server: { port: config().port, host: config().host ?? 'localhost' },
  vite: {
    plugins: [devMedia],
    // Astro inlines small scripts below this size; the CSP (script-src 'self') needs them as files.
    build: {
      assetsInlineLimit: 0,
      // Every island shares one chunk of React, React DOM and Astro's React client, fetched once and kept.
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|@astrojs[\\/]react)[\\/]/ },
              // What islands load only when needed (site/islands/deferred.ts), one chunk the service worker precaches.
              { name: 'offline', test: /site[\\/]islands[\\/](compressImage|offlineQueue)\.ts$/ },
            ],
          },
        },
      },
    },
    server: {
      proxy: Object.fromEntries(adminPaths.map((p) => [p, { target: adminOrigin, changeOrigin: false, ws: true }])),
    },
  },
})
