import { ConfigProblem } from '../../cms/lib/problem'

export { ConfigProblem }

/** Runs a command-line entry point; a ConfigProblem ends it with its one sentence instead of a stack trace. */
export const runMain = (main: () => Promise<void>) => {
  main().catch((err: unknown) => {
    if (err instanceof ConfigProblem) {
      console.error(`\n✖ ${err.message}\n`)
    } else {
      console.error(err)
    }
    process.exit(1)
  })
}
