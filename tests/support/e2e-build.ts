import { build } from '../../scripts/lib/build'

/** The end-to-end tests run the production server, so the admin and the site must be built. */
export default function setup() {
  build({ onlyStale: true })
}
