import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import { launchBrowser } from '../../support/browser'
import budgets from '../budgets.json'
import type { Suite } from '../harness'
import { cookiesFor, pageTypes, type PageType } from '../pageTypes'

const KINDS = { Document: 'html', Stylesheet: 'css', Script: 'js', Image: 'images' } as const
type Kind = (typeof KINDS)[keyof typeof KINDS] | 'other'
type Weight = Record<Kind, number> & { inlineScript: number; scriptGzip: number; blockingScripts: number; touchedScriptGzip?: number }

/** A mid-range phone: 360 CSS px wide at 2 device pixels per CSS pixel. */
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }

/**
 * Bytes on the wire (compressed, headers included, as Chromium's network stack reports them) of one page's
 * first view with a cold cache (a fresh browser context: a file used twice is fetched once), by kind; the
 * page's inline scripts; all its script files gzipped one by one and added up; and the scripts that block the
 * first paint (a classic `<script src>` without async or defer; module scripts and islands do not). For a page
 * whose island hydrates on the first touch, also all its script files once the visitor tapped its first field.
 */
const firstView = async (browser: Browser, url: string, page: PageType, cart: string): Promise<Weight> => {
  const context = await browser.newContext(PHONE)
  await context.addCookies(cookiesFor(page, cart).map((c) => ({ ...c, url })))
  const tab = await context.newPage()
  const cdp = await context.newCDPSession(tab)
  await cdp.send('Network.enable')
  const kinds = new Map<string, Kind>()
  const scripts: string[] = []
  const weight: Weight = { html: 0, css: 0, js: 0, images: 0, other: 0, inlineScript: 0, scriptGzip: 0, blockingScripts: 0 }
  cdp.on('Network.responseReceived', (e) => {
    const kind = KINDS[e.type as keyof typeof KINDS] ?? 'other'
    kinds.set(e.requestId, kind)
    if (kind === 'js') scripts.push(e.requestId)
  })
  cdp.on('Network.loadingFinished', (e) => {
    const kind = kinds.get(e.requestId)
    if (kind) weight[kind] += e.encodedDataLength
  })
  const response = await tab.goto(url + page.path, { waitUntil: 'networkidle' })
  if (!response?.ok()) throw new Error(`${page.path} answered ${response?.status()}`)
  weight.inlineScript = await tab.evaluate(() =>
    [...document.querySelectorAll('script:not([src])')]
      .filter((s) => !/json/.test((s as HTMLScriptElement).type))
      .reduce((n, s) => n + new TextEncoder().encode(s.textContent ?? '').length, 0),
  )
  weight.blockingScripts = await tab.evaluate(
    () => document.querySelectorAll('script[src]:not([async]):not([defer]):not([type=module])').length,
  )
  const gzipped = async (requestIds: string[]) => {
    let bytes = 0
    for (const requestId of requestIds) {
      const { body, base64Encoded } = await cdp.send('Network.getResponseBody', { requestId })
      bytes += gzipSync(Buffer.from(body, base64Encoded ? 'base64' : 'utf8')).length
    }
    return bytes
  }
  weight.scriptGzip = await gzipped(scripts)
  if (page.touch) {
    // What the page costs once the visitor starts on it: every island hydrated after the first tap.
    await tab.getByLabel(page.touch).click()
    await tab.waitForFunction(() => !document.querySelector('astro-island[ssr]'))
    await tab.waitForLoadState('networkidle')
    weight.touchedScriptGzip = await gzipped(scripts)
  }
  await context.close()
  return weight
}

/** Issue 7: what each page type costs a phone on first view, against the page-weight budgets. */
export const firstViewSuite: Suite = {
  name: 'first-view',
  run: async (url, record) => {
    const b = budgets.firstView
    const { pages, cart } = await pageTypes(url)
    const browser = await launchBrowser()
    try {
      for (const page of pages) {
        const w = await firstView(browser, url, page, cart)
        const total = w.html + w.css + w.js + w.images + w.other
        record(`${page.name}: HTML+CSS`, w.html + w.css, 'bytes', page.content ? { max: b.htmlCssBytes } : {})
        record(`${page.name}: JavaScript files`, w.js, 'bytes', page.noScript ? { max: 0 } : {})
        record(`${page.name}: inline script`, w.inlineScript, 'bytes', page.noScript ? { max: b.inlineScriptBytes } : {})
        if (page.interactive) {
          record(`${page.name}: JavaScript files, gzip`, w.scriptGzip, 'bytes', { max: b.interactiveScriptGzipBytes })
          record(`${page.name}: render-blocking scripts`, w.blockingScripts, 'files', { max: 0 })
          // Not a first-view budget: the island's code, fetched on the first tap (client:interaction).
          if (w.touchedScriptGzip !== undefined)
            record(`${page.name}: JavaScript files after the first tap, gzip`, w.touchedScriptGzip, 'bytes')
        }
        record(`${page.name}: images`, w.images, 'bytes', { max: b.imageBytes })
        record(`${page.name}: fonts, icons and other`, w.other, 'bytes')
        record(`${page.name}: whole first view`, total, 'bytes', page.name === 'home' ? { max: b.homeTotalBytes } : {})
      }
    } finally {
      await browser.close()
    }
  },
}
