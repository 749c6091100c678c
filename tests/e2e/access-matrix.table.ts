/**
 * Who may do what, through the REST API. The one table the authorization matrix test
 * (access-matrix.test.ts) walks: every collection and global of the Payload config needs a row here,
 * and whatever a row does not list is denied.
 *
 * Each collection row is about one fixture document in its least public state (a draft, a product not
 * for sale, another producer's order, another user's account), made by the administrator:
 * - `read`, `update`, `delete`: who may read it by id, change it, delete it; `create`: who may create one.
 * - `published`: who may read the same kind of document once it is public (published, for sale).
 * - `own`: what the `owners` may do with their own document (their account, uploads, producer profile,
 *   products, preferences).
 * - `fields`: personal data (and other restricted parts) of the fixture, and who may see them; a role that
 *   cannot read the document sees none of it.
 */
export const ROLES = ['anonymous', 'producer', 'editor', 'officer', 'head', 'admin'] as const
export type Role = (typeof ROLES)[number]
export type Operation = 'read' | 'create' | 'update' | 'delete'

export type CollectionRule = Record<Operation, readonly Role[]> & {
  published?: readonly Role[]
  own?: { owners: readonly Role[] } & Record<'read' | 'update' | 'delete', readonly Role[]>
  fields?: Record<string, readonly Role[]>
}
export type GlobalRule = { read: readonly Role[]; update: readonly Role[] }

const EVERYONE = ROLES
const SIGNED_IN = ['producer', 'editor', 'officer', 'head', 'admin'] as const
const MEDIA_TEAM = ['editor', 'admin'] as const
const SHOP_STAFF = ['editor', 'admin'] as const
const SERVICE_STAFF = ['officer', 'head', 'admin'] as const
const UPLOADERS = ['producer', 'editor', 'admin'] as const
const ADMIN = ['admin'] as const
const NOBODY = [] as const

/** Editorial content: drafts for the media team, published documents for everyone. */
const editorial: CollectionRule = { read: MEDIA_TEAM, published: EVERYONE, create: MEDIA_TEAM, update: MEDIA_TEAM, delete: MEDIA_TEAM }
const publicTaxonomy = (editors: readonly Role[]): CollectionRule => ({ read: EVERYONE, create: editors, update: editors, delete: editors })

export const COLLECTIONS: Record<string, CollectionRule> = {
  pages: editorial,
  news: editorial,
  episodes: editorial,
  categories: publicTaxonomy(MEDIA_TEAM),
  tags: publicTaxonomy(MEDIA_TEAM),
  'podcast-audio': publicTaxonomy(MEDIA_TEAM),
  transcripts: publicTaxonomy(MEDIA_TEAM),
  media: {
    ...publicTaxonomy(MEDIA_TEAM),
    create: UPLOADERS,
    own: { owners: ['producer'], read: ['producer'], update: ['producer'], delete: ['producer'] },
  },
  // Nobody deletes their own account (an administrator would lock everyone out).
  users: {
    read: ADMIN,
    create: ADMIN,
    update: ADMIN,
    delete: ADMIN,
    own: { owners: SIGNED_IN, read: SIGNED_IN, update: SIGNED_IN, delete: NOBODY },
  },
  producers: { ...publicTaxonomy(SHOP_STAFF), own: { owners: ['producer'], read: ['producer'], update: ['producer'], delete: NOBODY } },
  'product-categories': publicTaxonomy(SHOP_STAFF),
  'shipping-zones': publicTaxonomy(SHOP_STAFF),
  products: {
    read: SHOP_STAFF,
    published: EVERYONE,
    create: UPLOADERS,
    update: SHOP_STAFF,
    delete: SHOP_STAFF,
    own: { owners: ['producer'], read: ['producer'], update: ['producer'], delete: ['producer'] },
  },
  orders: {
    // The fixture mixes the producer's product with another producer's.
    read: ['producer', ...SHOP_STAFF],
    create: NOBODY,
    update: SHOP_STAFF,
    delete: ADMIN,
    fields: {
      'buyer.name': SHOP_STAFF,
      'buyer.email': SHOP_STAFF,
      'buyer.phone': SHOP_STAFF,
      'delivery.street': SHOP_STAFF,
      paymentProof: SHOP_STAFF,
      total: SHOP_STAFF,
      'lines of other producers': SHOP_STAFF,
    },
  },
  'payment-proofs': {
    read: SHOP_STAFF,
    create: NOBODY,
    update: SHOP_STAFF,
    delete: SHOP_STAFF,
    fields: { 'the uploaded file': SHOP_STAFF },
  },
  'payment-events': { read: ADMIN, create: NOBODY, update: NOBODY, delete: ADMIN },
  services: publicTaxonomy(SERVICE_STAFF),
  // Before the requests: a request cannot be deleted while its letter points to it.
  letters: { read: SERVICE_STAFF, create: NOBODY, update: NOBODY, delete: ADMIN },
  'service-requests': {
    read: SERVICE_STAFF,
    create: NOBODY,
    update: SERVICE_STAFF,
    delete: ADMIN,
    fields: {
      nik: SERVICE_STAFF,
      nikMasked: SERVICE_STAFF,
      phone: SERVICE_STAFF,
      email: SERVICE_STAFF,
      address: SERVICE_STAFF,
      answers: SERVICE_STAFF,
      attachments: SERVICE_STAFF,
      'the ID card scan': SERVICE_STAFF,
    },
  },
  'audit-log': { read: ADMIN, create: NOBODY, update: NOBODY, delete: NOBODY },
  // The rate limits' counters, written by the server's own code only.
  // Staff see their own village; its administrator edits it (domains, status); scripts add villages, none is deleted.
  villages: { read: SIGNED_IN, create: NOBODY, update: ADMIN, delete: NOBODY },
  // One per village: its settings come with it, its show the media team describes once (a second is refused).
  settings: { read: EVERYONE, create: NOBODY, update: ADMIN, delete: NOBODY },
  podcast: { read: EVERYONE, create: MEDIA_TEAM, update: MEDIA_TEAM, delete: NOBODY },
  // The regency's figures per village, counted by the server: for the regency's roles only (tests/integration/regency-statistics.test.ts).
  'village-statistics': { read: NOBODY, create: NOBODY, update: NOBODY, delete: NOBODY },
  // Their figures per month and service, read by the regency's dashboard (tests/integration/regency-dashboard.test.ts).
  'village-monthly-statistics': { read: NOBODY, create: NOBODY, update: NOBODY, delete: NOBODY },
  // The head's signing certificate, which its village administrator installs and renews.
  'letter-signing': { read: ADMIN, create: ADMIN, update: ADMIN, delete: ADMIN },
  'rate-limits': { read: NOBODY, create: NOBODY, update: NOBODY, delete: NOBODY },
  // The villages' page views per day, counted by the server and read by the regency's statistics.
  'site-visits': { read: NOBODY, create: NOBODY, update: NOBODY, delete: NOBODY },
  // What app instances share (letter sequences, leases, content changes), written by the server's own code only.
  sequences: { read: NOBODY, create: NOBODY, update: NOBODY, delete: NOBODY },
  'instance-leases': { read: NOBODY, create: NOBODY, update: NOBODY, delete: NOBODY },
  'content-changes': { read: NOBODY, create: NOBODY, update: NOBODY, delete: NOBODY },
  'search-synonyms': { read: MEDIA_TEAM, create: MEDIA_TEAM, update: MEDIA_TEAM, delete: MEDIA_TEAM },
  // Payload's own collections.
  'payload-jobs': { read: NOBODY, create: NOBODY, update: NOBODY, delete: NOBODY },
  'payload-kv': { read: NOBODY, create: NOBODY, update: NOBODY, delete: NOBODY },
  'payload-migrations': { read: NOBODY, create: NOBODY, update: NOBODY, delete: NOBODY },
  // The admin marks a document as being edited: a lock on a tag is for those who may change tags.
  'payload-locked-documents': { read: MEDIA_TEAM, create: MEDIA_TEAM, update: MEDIA_TEAM, delete: MEDIA_TEAM },
  'payload-preferences': {
    read: ADMIN,
    create: SIGNED_IN,
    update: ADMIN,
    delete: ADMIN,
    own: { owners: SIGNED_IN, read: SIGNED_IN, update: SIGNED_IN, delete: SIGNED_IN },
  },
}

export const GLOBALS: Record<string, GlobalRule> = {
  'search-status': { read: MEDIA_TEAM, update: NOBODY },
  // The regency's name, programme and portal hosts: its administrators' alone (tests/integration/villages.test.ts).
  regency: { read: NOBODY, update: NOBODY },
  // Payload's scheduler bookkeeping, written by the server itself.
  'payload-jobs-stats': { read: NOBODY, update: NOBODY },
}
