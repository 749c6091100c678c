import * as services from './services'

// Astro Actions, one module per feature; every form on the site posts to one of these.
export const server = {
  services: { ...services },
}
