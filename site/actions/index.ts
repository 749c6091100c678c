import * as services from './services'
import { portal } from './portal'
import { shop } from './shop'

// Every public form posts to an action; each feature keeps its own in actions/<feature>.ts.
export const server = {
  shop,
  portal,
  services: { ...services },
}
