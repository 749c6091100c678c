import { priceRange, type EpisodeDocument, type NewsDocument, type ProductDocument, type ServiceDocument } from '../../cms/search/indexes'

const product = (
  id: string,
  title: string,
  description: string,
  producer: string,
  category: string,
  price: number,
  inStock = true,
): ProductDocument => ({
  id: `${id}_id`,
  locale: 'id',
  title,
  path: `/produk/${id}`,
  summary: description,
  description,
  producer,
  category,
  price,
  priceRange: priceRange(price),
  inStock,
  variants: [],
  publishedAt: '2026-01-01T00:00:00.000Z',
})

/** A small Indonesian catalogue with known answers for the contract tests. */
export const PRODUCTS: ProductDocument[] = [
  product(
    'kopi-robusta',
    'Kopi Robusta Lestari',
    'Biji kopi robusta sangrai dari kebun warga, penjualan langsung dari petani.',
    'Kelompok Tani Makmur',
    'Minuman',
    65_000,
  ),
  product('kopi-bubuk', 'Kopi Bubuk Tepian', 'Kopi bubuk halus, cocok untuk oleh-oleh.', 'BUMDes Sungai Lestari', 'Minuman', 35_000),
  product(
    'madu-hutan',
    'Madu Hutan Asli',
    'Madu liar dari hutan desa, dijual dalam botol 250 ml.',
    'Kelompok Tani Makmur',
    'Makanan',
    120_000,
  ),
  product('keripik-pisang', 'Keripik Pisang "Renyah"', 'Keripik pisang kepok, gurih & renyah.', 'Ibu-Ibu PKK', 'Makanan', 15_000),
  product(
    'tas-rotan',
    'Tas Anyaman Rotan',
    'Kerajinan tangan dari rotan pilihan, dikirim ke seluruh Indonesia.',
    'Sanggar Rajin',
    'Kerajinan',
    150_000,
    false,
  ),
  product('kain-tenun', 'Kain Tenun Ikat', 'Tenun ikat motif sungai, souvenir khas desa.', 'Sanggar Rajin', 'Kerajinan', 450_000),
  product('gula-aren', 'Gula Aren Cetak', 'Gula aren murni dari nira pohon aren.', 'BUMDes Sungai Lestari', 'Makanan', 25_000),
]

export const ARTICLES: NewsDocument[] = [
  {
    id: '1_id',
    locale: 'id',
    title: 'Panen Raya Kopi di Dusun Hulu',
    path: '/berita/panen-raya-kopi',
    summary: 'Warga memanen kopi bersama.',
    excerpt: 'Warga memanen kopi bersama.',
    body: 'Pertanian kopi menjadi andalan. Para petani menjual hasil panen ke BUMDes.',
    category: 'Ekonomi',
    tags: ['kopi', 'pertanian'],
    publishedAt: '2026-03-01T02:00:00.000Z',
  },
  {
    id: '2_id',
    locale: 'id',
    title: 'Badan Usaha Milik Desa Buka Gerai Baru',
    path: '/berita/gerai-baru',
    summary: 'Gerai oleh-oleh di tepi sungai.',
    excerpt: 'Gerai oleh-oleh di tepi sungai.',
    body: 'Gerai ini menjual kerajinan dan makanan khas desa.',
    category: 'Ekonomi',
    tags: ['usaha'],
    publishedAt: '2026-02-01T02:00:00.000Z',
  },
  {
    id: '3_id',
    locale: 'id',
    title: 'Posyandu Balita Bulan Ini',
    path: '/berita/posyandu',
    summary: 'Jadwal posyandu.',
    excerpt: 'Jadwal posyandu.',
    body: 'Pemeriksaan kesehatan balita di balai desa.',
    category: 'Kesehatan',
    tags: ['kesehatan'],
    publishedAt: '2026-04-01T02:00:00.000Z',
  },
]

export const SERVICES: ServiceDocument[] = [
  {
    id: 'sku_id',
    locale: 'id',
    title: 'Surat Keterangan Usaha',
    path: '/layanan/surat-keterangan-usaha',
    summary: 'Untuk warga yang memiliki usaha.',
    description: 'Surat keterangan untuk warga yang memiliki usaha.',
    requirements: 'KTP, KK, foto tempat usaha',
  },
]

export const EPISODES: EpisodeDocument[] = [
  {
    id: '1_id',
    locale: 'id',
    title: 'Cerita Petani Kopi',
    path: '/podcast/cerita-petani-kopi',
    summary: 'Obrolan dengan petani.',
    notes: 'Obrolan dengan petani kopi.',
    transcript: 'Kami menanam kopi sejak lama.',
    publishedAt: '2026-03-05T02:00:00.000Z',
  },
]

export const SYNONYMS = [
  ['oleh-oleh', 'souvenir'],
  ['BUMDes', 'badan usaha milik desa'],
]

const pick = <T>(list: readonly T[], n: number) => list[n % list.length]
const NAMES = [
  'Kopi',
  'Madu',
  'Keripik',
  'Gula',
  'Kain',
  'Tas',
  'Sambal',
  'Teh',
  'Dodol',
  'Minyak',
  'Beras',
  'Ikan Asin',
  'Kerupuk',
  'Abon',
  'Tikar',
]
const KINDS = [
  'Robusta',
  'Hutan',
  'Pisang',
  'Aren',
  'Tenun',
  'Rotan',
  'Terasi',
  'Herbal',
  'Durian',
  'Kelapa',
  'Merah',
  'Sepat',
  'Udang',
  'Sapi',
  'Pandan',
]
const PLACES = ['Lestari', 'Tepian', 'Hulu', 'Hilir', 'Makmur', 'Sejahtera', 'Mandiri', 'Rimba']
const WORDS = [
  'dibuat',
  'oleh',
  'warga',
  'desa',
  'dengan',
  'bahan',
  'pilihan',
  'tanpa',
  'pengawet',
  'cocok',
  'untuk',
  'oleh-oleh',
  'keluarga',
  'dikemas',
  'rapi',
  'dikirim',
  'setiap',
  'minggu',
  'hasil',
  'pertanian',
  'kerajinan',
  'tangan',
  'penjualan',
  'langsung',
  'petani',
  'sungai',
  'hutan',
  'segar',
  'asli',
  'murni',
]
const CATEGORIES = ['Makanan', 'Minuman', 'Kerajinan', 'Pertanian', 'Perikanan', 'Fesyen']
const PRODUCERS = Array.from({ length: 40 }, (_, i) => `Kelompok ${pick(PLACES, i)} ${i + 1}`)

const sentence = (seed: number, length: number) => Array.from({ length }, (_, i) => pick(WORDS, (seed * 7 + i * 13) % 97)).join(' ')

/** `count` synthetic products for benchmarks, deterministic. */
export const generateProducts = (count: number): ProductDocument[] =>
  Array.from({ length: count }, (_, i) => {
    const price = 5_000 + ((i * 7919) % 200) * 2_500
    return {
      id: `p${i}_id`,
      locale: 'id',
      title: `${pick(NAMES, i)} ${pick(KINDS, i * 3 + 1)} ${pick(PLACES, i)}`,
      path: `/produk/p${i}`,
      summary: sentence(i, 12),
      description: sentence(i, 40),
      producer: pick(PRODUCERS, i),
      category: pick(CATEGORIES, i),
      price,
      priceRange: priceRange(price),
      inStock: i % 5 !== 0,
      variants: [`${(i % 4) + 1}00 gram`],
      publishedAt: new Date(Date.UTC(2026, 0, 1 + (i % 300))).toISOString(),
    }
  })

/** `count` synthetic news articles for benchmarks, deterministic. */
export const generateArticles = (count: number): NewsDocument[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `n${i}_id`,
    locale: 'id',
    title: `${pick(['Panen', 'Rapat', 'Gotong Royong', 'Pelatihan', 'Festival'], i)} ${pick(NAMES, i + 2)} di Dusun ${pick(PLACES, i)}`,
    path: `/berita/n${i}`,
    summary: sentence(i, 20),
    excerpt: sentence(i, 20),
    body: sentence(i + 1, 300),
    category: pick(['Ekonomi', 'Kesehatan', 'Pemerintahan', 'Budaya'], i),
    tags: [pick(WORDS, i), pick(WORDS, i + 5)],
    publishedAt: new Date(Date.UTC(2026, 0, 1 + (i % 300))).toISOString(),
  }))
