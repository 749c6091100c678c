import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, inject } from 'vitest'
import { launchBrowser } from './browser'
import { ProductionServer } from './server'

type FixtureOptions = {
  /** Added to the server's environment (e.g. `RATE_LIMIT_OFF: '1'`, a Stripe webhook secret). */
  env?: Record<string, string>
  /** Debian's Chromium, launched beside the server (`server.browser`). */
  browser?: boolean
}

/** A production server whose tests also drive Chromium. */
export class BrowsingServer extends ProductionServer {
  browser!: Browser
}

/**
 * The production server of a test file: started in beforeAll on its own copy of this run's demo village (through
 * `npm start`'s normal path: migrations, recovery of interrupted writes), stopped in afterAll.
 */
export function useProductionServer(options: FixtureOptions & { browser: true }): BrowsingServer
export function useProductionServer(options?: FixtureOptions): ProductionServer
export function useProductionServer({ env, browser }: FixtureOptions = {}) {
  const server = new BrowsingServer({ env, from: inject('village') })
  beforeAll(async () => {
    await server.start()
    if (browser) server.browser = await launchBrowser()
  })
  afterAll(async () => {
    if (browser) await server.browser?.close()
    await server.close()
  })
  return server
}
