import { readdirSync, readFileSync } from 'node:fs'
import { configDefaults, defineConfig } from 'vitest/config'

// Real Payload on each test file's own database; two files at a time (on two cores as on more).
const integration = {
  setupFiles: ['tests/support/integration-env.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
  maxWorkers: 2,
}

// Integration files that choose their own database (they set DATABASE_URL) or storage (S3_BUCKET) before Payload's
// config is imported.
const ON_A_DATABASE_FILE = readdirSync('tests/integration')
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => `tests/integration/${name}`)
  .filter((file) => /DATABASE_URL|S3_BUCKET/.test(readFileSync(file, 'utf8')))

const e2e = {
  include: ['tests/e2e/**/*.test.ts'],
  globalSetup: ['tests/support/e2e-build.ts', 'tests/support/golden-village.ts'],
  testTimeout: 120_000,
  hookTimeout: 300_000,
  // What a page shows after a typing pause and a round trip to a busy server, not a speed limit (that is the bench).
  expect: { poll: { timeout: 15_000 } },
}

// End-to-end files that load the machine themselves: sustained load, three instances at once.
const E2E_ALONE = ['load', 'instances', 'proxy-limits'].map((name) => `tests/e2e/${name}.test.ts`)

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], maxWorkers: 2 },
      },
      {
        // The site's React islands, rendered by React into happy-dom's document.
        test: { name: 'components', include: ['tests/components/**/*.test.tsx'], environment: 'happy-dom', maxWorkers: 2 },
      },
      {
        test: {
          ...integration,
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/integration/village/**', ...ON_A_DATABASE_FILE],
          // The files of a worker share the loaded modules (Payload's config is imported once per worker, not once
          // per file); each still gets a new Payload on an empty database and a clean environment.
          isolate: false,
        },
      },
      {
        // Each in its own process.
        test: { ...integration, name: 'integration-file-database', include: ON_A_DATABASE_FILE },
      },
      {
        // Files that need the whole demo village start from a copy of the one seeded for the run.
        test: {
          ...integration,
          name: 'integration-village',
          include: ['tests/integration/village/**/*.test.ts'],
          setupFiles: [...integration.setupFiles, 'tests/support/village-env.ts'],
          globalSetup: ['tests/support/golden-village.ts'],
        },
      },
      {
        // After the other projects, two files at a time: a file's production server and browser mostly wait on each other.
        test: { ...e2e, name: 'e2e', exclude: [...configDefaults.exclude, ...E2E_ALONE], sequence: { groupOrder: 1 }, maxWorkers: 2 },
      },
      {
        // Then the files that measure the machine or run several instances, one at a time.
        test: { ...e2e, name: 'e2e-alone', include: E2E_ALONE, sequence: { groupOrder: 2 }, fileParallelism: false },
      },
    ],
  },
})
