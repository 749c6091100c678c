import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { buildSync } from 'esbuild'

const NAME = 'interaction'
const ENTRY = fileURLToPath(new URL('../islands/interaction.ts', import.meta.url))

/** Adds the `client:interaction` directive (site/islands/interaction.ts). */
export const interactionDirective = (): AstroIntegration => ({
  name: 'desa-interaction-directive',
  hooks: {
    'astro:config:setup': ({ addClientDirective }) => addClientDirective({ name: NAME, entrypoint: ENTRY }),
  },
})

let script: string | undefined

/**
 * The inline script Astro writes for the directive on a page that uses it, compiled exactly as Astro
 * compiles a client directive (astro/dist/core/client-directive/build.js, with the same esbuild), so the
 * Content-Security-Policy can allow it by its hash (server/headers.ts). Compiled once per process.
 */
export const interactionDirectiveScript = () =>
  (script ??= buildSync({
    stdin: {
      contents: `import directive from ${JSON.stringify(ENTRY)};

(self.Astro || (self.Astro = {}))[${JSON.stringify(NAME)}] = directive;

window.dispatchEvent(new Event('astro:' + ${JSON.stringify(NAME)}));`,
      resolveDir: fileURLToPath(new URL('../..', import.meta.url)),
    },
    format: 'iife',
    minify: true,
    bundle: true,
    write: false,
  }).outputFiles[0].text)
