import { richTextEditor } from './fields/richText'
import { en } from '@payloadcms/translations/languages/en'
import { id } from '@payloadcms/translations/languages/id'
import path from 'node:path'
import { buildConfig, type CollectionConfig, type SanitizedConfig } from 'payload'
import sharp from 'sharp'
import { Categories } from './collections/Categories'
import { Episodes } from './collections/Episodes'
import { AuditLog } from './collections/AuditLog'
import { Letters } from './collections/Letters'
import { Media } from './collections/Media'
import { News } from './collections/News'
import { Orders } from './collections/Orders'
import { PaymentProofs } from './collections/PaymentProofs'
import { ProductCategories } from './collections/ProductCategories'
import { Producers } from './collections/Producers'
import { Products } from './collections/Products'
import { ShippingZones } from './collections/ShippingZones'
import { PaymentEvents } from './collections/PaymentEvents'
import { Pages } from './collections/Pages'
import { RateLimits } from './collections/RateLimits'
import { SiteVisits } from './collections/SiteVisits'
import { Sequences } from './collections/Sequences'
import { InstanceLeases } from './collections/InstanceLeases'
import { ContentChanges } from './collections/ContentChanges'
import { PodcastAudio } from './collections/PodcastAudio'
import { Tags } from './collections/Tags'
import { Transcripts } from './collections/Transcripts'
import { ServiceRequests } from './collections/ServiceRequests'
import { Services } from './collections/Services'
import { Users } from './collections/Users'
import { Villages } from './collections/Villages'
import { Podcast } from './collections/Podcast'
import { Settings } from './collections/Settings'
import { VillageStatistics } from './collections/VillageStatistics'
import { VillageMonthlyStatistics } from './collections/VillageMonthlyStatistics'
import { Regency } from './globals/Regency'
import { LetterSigning } from './collections/LetterSigning'
import { VILLAGE_TIMEZONES } from './fields/publishing'
import { isStatisticsViewer, nobody, villagesWithRole } from './access'
import { guardDocumentLocks } from './access/documentLocks'
import { versionsLikeDrafts } from './access/versions'
import { jobs } from './jobs'
import { regencyEndpoints } from './regency/endpoints'
import { prepareSharedDatabase } from './instances/sharedDatabase'
import { villageEmail } from './notify/emailAdapter'
import { guardApi } from './api/guards'
import { config } from './lib/config'
import { databaseAdapter } from './lib/db-adapter'
import { rootDir } from './lib/paths'
import { ADMIN_DATE_FORMAT } from './lib/wita'
import { searchPlugin } from './search/plugin'
import { payloadSecret } from './lib/secret'
import { contentVersionPlugin } from './plugins/contentVersion'
import { objectStoragePlugins } from './plugins/objectStorage'
import { villagesPlugins } from './plugins/villages'
import { ensureAVillage } from './villages/firstVillage'
import { lexicalIndonesian } from './admin/translations'
import { nameLockHolders } from './admin/lockHolders'

const cms = (...parts: string[]) => path.resolve(rootDir(), 'cms', ...parts)

/**
 * Payload adds a global for the scheduler's bookkeeping (`payload-jobs-stats`) that any signed-in user
 * could read and overwrite through the API; the scheduler itself writes it through the database adapter.
 */
const closeJobStats = (config: SanitizedConfig): SanitizedConfig => {
  const stats = config.globals.find((g) => g.slug === 'payload-jobs-stats')
  if (stats) stats.access = { ...stats.access, read: nobody, readVersions: nobody, update: nobody }
  return config
}

/** What a producer works on in the admin: their products, their profile, orders with their products, their pictures. */
const PRODUCER_COLLECTIONS = new Set(['products', 'producers', 'orders', 'media'])

/**
 * The accounts that work on a few collections only, and those collections: the rest of the menu (read-only or
 * refused) is hidden from them. A regency or district viewer reads the villages' statistics and nothing else.
 */
const NARROW_MENUS: { isFor: (user: Parameters<typeof villagesWithRole>[0]) => boolean; collections: Set<string> }[] = [
  // A producer in one village who works in another (its media team, its office) has that village's menu too.
  { isFor: (user) => villagesWithRole(user, 'producer') === true, collections: PRODUCER_COLLECTIONS },
  { isFor: (user) => isStatisticsViewer(user?.role), collections: new Set(['village-statistics']) },
]

const withNarrowMenus = (config: CollectionConfig): CollectionConfig => {
  const hiddenFrom = NARROW_MENUS.filter((menu) => !menu.collections.has(config.slug))
  if (!hiddenFrom.length) return config
  const hidden = config.admin?.hidden
  return {
    ...config,
    admin: {
      ...config.admin,
      hidden: (args) =>
        hiddenFrom.some((menu) => menu.isFor({ role: args.user?.role, villages: args.user?.villages })) ||
        (typeof hidden === 'function' ? hidden(args) : Boolean(hidden)),
    },
  }
}

export default buildConfig({
  secret: payloadSecret(),
  serverURL: config().publicUrl?.origin ?? '',
  db: databaseAdapter(),
  editor: richTextEditor(),
  sharp,
  collections: [
    Villages,
    VillageStatistics,
    VillageMonthlyStatistics,
    Settings,
    Podcast,
    LetterSigning,
    Pages,
    Media,
    Users,
    News,
    Categories,
    Tags,
    Episodes,
    PodcastAudio,
    Transcripts,
    Producers,
    ProductCategories,
    Products,
    ShippingZones,
    Orders,
    PaymentProofs,
    PaymentEvents,
    Services,
    ServiceRequests,
    Letters,
    AuditLog,
    RateLimits,
    SiteVisits,
    Sequences,
    InstanceLeases,
    ContentChanges,
  ].map(withNarrowMenus),
  globals: [Regency],
  i18n: { supportedLanguages: { id, en }, fallbackLanguage: 'id', translations: { id: lexicalIndonesian } },
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
    // Gravatar would send a hash of each officer's email to an outside host; the default avatar is drawn locally.
    avatar: 'default',
    meta: { titleSuffix: ' · Desa Digital' },
    timezones: VILLAGE_TIMEZONES,
    // 24-hour clock; the request screens and the lists of orders show their dates in WITA, whatever the
    // browser's zone (cms/components/WitaDate.tsx).
    dateFormat: ADMIN_DATE_FORMAT,
    components: {
      graphics: { Logo: '/components/VillageLogo#VillageLogo', Icon: '/components/VillageLogo#VillageIcon' },
      beforeDashboard: ['/components/ShopDashboard#ShopDashboard'],
      afterNavLinks: ['/components/RegencyNavLink#RegencyNavLink'],
      views: { regency: { Component: '/components/RegencyDashboard#RegencyDashboard', path: '/regency', exact: true } },
    },
    importMap: { baseDir: cms(), importMapFile: cms('app/(payload)/admin/importMap.js') },
  },
  endpoints: regencyEndpoints,
  jobs,
  onInit: async (payload) => {
    await prepareSharedDatabase(payload)
    await ensureAVillage(payload)
  },
  upload: { limits: { fileSize: 25 * 1024 * 1024 } },
  email: villageEmail,
  // Elsewhere (tests, seeding, scripts) each start would spawn a generator that rewrites the file: `npm run generate`.
  typescript: { outputFile: cms('payload-types.ts'), autoGenerate: config().development },
  graphQL: { disable: true },
  plugins: [
    // Upload collections in S3 buckets when S3_BUCKET is set; their columns are there either way.
    ...objectStoragePlugins(),
    versionsLikeDrafts,
    ...villagesPlugins(),
    searchPlugin,
    // Last, so it sees every collection the other plugins add.
    contentVersionPlugin,
  ],
  telemetry: false,
})
  .then(closeJobStats)
  .then(guardDocumentLocks)
  .then(guardApi)
  .then(nameLockHolders)
