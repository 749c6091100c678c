import { chromium, type Browser, type BrowserContext } from 'playwright-core'

/** Debian's Chromium, headless; nothing is downloaded. */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * Refuses and records every request of the context to another host than this machine (an office may have no internet,
 * and Gravatar or a CDN would learn who works there): the list stays empty while every screen is local.
 */
export const refuseOutsideHosts = async (context: BrowserContext): Promise<string[]> => {
  const outside: string[] = []
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url())
    if (/^(https?|wss?):$/.test(url.protocol) && !LOOPBACK.has(url.hostname) && !url.hostname.endsWith('.localhost')) {
      outside.push(url.href)
      return route.abort()
    }
    return route.continue()
  })
  return outside
}
