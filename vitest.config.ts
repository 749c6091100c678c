import { configDefaults, defineConfig } from 'vitest/config'

// Real Payload in each test file's own process; two files at a time (on two cores as on more).
const integration = {
  setupFiles: ['tests/support/integration-env.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
  maxWorkers: 2,
}

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
          exclude: [...configDefaults.exclude, 'tests/integration/village/**'],
        },
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
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // After the other projects: a production server and a browser need the machine to themselves.
          sequence: { groupOrder: 1 },
          globalSetup: ['tests/support/e2e-build.ts', 'tests/support/golden-village.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
