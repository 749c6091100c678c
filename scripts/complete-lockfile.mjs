// The npm registry reachable from our build machines lacks other platforms' optional binaries
// (e.g. @next/swc-darwin-arm64), so `npm install` leaves them out of package-lock.json and `npm ci`
// then refuses the lock. This records each missing optional dependency at its exact version; npm ci
// skips the ones it cannot install here, as it does on any platform they do not fit.
// Run after changing dependencies: `npm run lockfile`.
import { readFileSync, writeFileSync } from 'node:fs'

const file = 'package-lock.json'
const lock = JSON.parse(readFileSync(file, 'utf8'))
const added = []
for (const [path, meta] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const nested = `${path}/node_modules/${name}`
    const hoisted = `node_modules/${name}`
    if (!lock.packages[nested] && !lock.packages[hoisted] && /^\d+\.\d+\.\d+/.test(version)) {
      lock.packages[hoisted] = { version, optional: true }
      added.push(`${name}@${version}`)
    }
  }
}
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n')
console.log(added.length ? `Recorded ${added.length} optional packages: ${added.join(', ')}` : 'The lock file is complete.')
