import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// Every integration test file gets its own in-memory database and media folder.
process.env.DATABASE_URL = ':memory:'
process.env.PAYLOAD_SECRET = 'integration-test-secret'
process.env.MEDIA_DIR = mkdtempSync(path.join(os.tmpdir(), 'desa-media-'))
process.env.PRIVATE_DIR = mkdtempSync(path.join(os.tmpdir(), 'desa-private-'))
process.env.DISABLE_PAYLOAD_HMR = 'true'
