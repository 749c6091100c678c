import { build } from './lib/build'
import { runMain } from './lib/problem'

runMain(async () => build({ onlyStale: false }))
