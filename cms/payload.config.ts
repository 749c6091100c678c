import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { id } from '@payloadcms/translations/languages/id'
import nodemailer from 'nodemailer'
import path from 'node:path'
import { buildConfig } from 'payload'
import sharp from 'sharp'
import { AuditLog } from './collections/AuditLog'
import { Letters } from './collections/Letters'
import { Media } from './collections/Media'
import { Pages } from './collections/Pages'
import { ServiceRequests } from './collections/ServiceRequests'
import { Services } from './collections/Services'
import { Users } from './collections/Users'
import { Settings } from './globals/Settings'
import { databaseAdapter } from './lib/db-adapter'
import { rootDir } from './lib/paths'
import { payloadSecret } from './lib/secret'
import { purgeAttachmentsTask } from './services/purge'

const cms = (...parts: string[]) => path.resolve(rootDir(), 'cms', ...parts)

export default buildConfig({
  secret: payloadSecret(),
  serverURL: process.env.PUBLIC_URL || '',
  db: databaseAdapter(),
  editor: lexicalEditor(),
  sharp,
  collections: [
    Pages,
    Media,
    Users,
    Services,
    ServiceRequests,
    Letters,
    AuditLog,
  ],
  globals: [
    Settings,
  ],
  i18n: { supportedLanguages: { id, en }, fallbackLanguage: 'id' },
  localization: {
    locales: [
      { code: 'id', label: 'Bahasa Indonesia' },
      { code: 'en', label: 'English' },
    ],
    defaultLocale: 'id',
    fallback: true,
  },
  admin: {
    user: Users.slug,
    meta: { titleSuffix: ' · Desa Digital' },
    importMap: { baseDir: cms(), importMapFile: cms('app/(payload)/admin/importMap.js') },
  },
  jobs: {
    tasks: [
      purgeAttachmentsTask,
    ],
    // The production server runs scheduled jobs itself; tests run them explicitly.
    autoRun: [{ cron: '0 */10 * * * *', queue: 'services' }],
    shouldAutoRun: () => process.env.NODE_ENV === 'production',
  },
  upload: { limits: { fileSize: 25 * 1024 * 1024 } },
  email: process.env.SMTP_URL
    ? nodemailerAdapter({
        defaultFromAddress: process.env.EMAIL_FROM || 'desa@localhost',
        defaultFromName: 'Desa Digital',
        transport: nodemailer.createTransport(process.env.SMTP_URL),
      })
    : undefined,
  typescript: { outputFile: cms('payload-types.ts') },
  graphQL: { disable: true },
  telemetry: false,
})
