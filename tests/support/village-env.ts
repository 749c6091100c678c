import { dataEnv } from './server'
import { copyOfVillage } from './village'

// After integration-env.ts: this test file works on its own copy of the run's demo village, with the schema its
// migrations made (as in production, nothing is pushed).
Object.assign(process.env, dataEnv(copyOfVillage()), { PAYLOAD_PUSH_SCHEMA: 'false' })
