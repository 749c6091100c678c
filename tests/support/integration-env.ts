import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setEnvironment } from '../../cms/lib/config'

// Every integration test file gets its own in-memory database and media folder.
setEnvironment({
  DATABASE_URL: ':memory:',
  PAYLOAD_SECRET: 'integration-test-secret',
  MEDIA_DIR: mkdtempSync(path.join(os.tmpdir(), 'desa-media-')),
  PRIVATE_DIR: mkdtempSync(path.join(os.tmpdir(), 'desa-private-')),
  DISABLE_PAYLOAD_HMR: 'true',
})
