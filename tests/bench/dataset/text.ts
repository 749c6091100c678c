/** A small deterministic generator of Indonesian-looking village text for the benchmark dataset. */

/** mulberry32: a tiny seeded PRNG, so every run loads the same dataset. */
export const prng = (seed: number) => {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]
  return { next, int, pick }
}
export type Random = ReturnType<typeof prng>

const SUBJECTS = [
  'Warga desa',
  'Kelompok tani',
  'Ibu-ibu PKK',
  'Karang taruna',
  'Perangkat desa',
  'BUMDes',
  'Para nelayan',
  'Kepala dusun',
  'Pengrajin rotan',
  'Bidan desa',
  'Anak-anak sekolah',
  'Pemuda dusun',
]
const VERBS = [
  'menggelar',
  'membahas',
  'menyiapkan',
  'memanen',
  'membangun',
  'memperbaiki',
  'mengikuti',
  'mendukung',
  'merayakan',
  'menjual',
  'mengolah',
  'menanam',
]
const OBJECTS = [
  'panen lada',
  'jalan usaha tani',
  'posyandu balita',
  'pelatihan pemasaran daring',
  'gotong royong',
  'pasar desa',
  'irigasi sawah',
  'festival budaya',
  'madu hutan',
  'bibit kopi',
  'jembatan gantung',
  'keramba ikan',
  'sumur bor',
  'balai warga',
]
const PLACES = [
  'di balai desa',
  'di Dusun Hulu',
  'di Dusun Hilir',
  'di tepi sungai',
  'di lapangan desa',
  'di kebun warga',
  'di halaman masjid',
  'di dermaga',
  'di sekolah dasar',
  'di kantor BUMDes',
]
const TIMES = [
  'pada Sabtu pagi',
  'sejak pekan lalu',
  'setiap bulan',
  'menjelang musim hujan',
  'selama tiga hari',
  'pada awal tahun',
  'bersama pemerintah kecamatan',
  'dengan dana desa',
]
const CLAUSES = [
  'sehingga hasilnya dapat dinikmati seluruh warga',
  'agar ekonomi desa semakin kuat',
  'dengan semangat kebersamaan',
  'meskipun cuaca kurang bersahabat',
  'yang didukung oleh dinas terkait',
  'untuk meningkatkan kesejahteraan keluarga',
  'sebagai bagian dari rencana pembangunan desa',
]
const HEADINGS = ['Latar belakang', 'Jalannya kegiatan', 'Tanggapan warga', 'Rencana ke depan', 'Hasil yang dicapai', 'Dukungan pemerintah']

const capitalize = (s: string) => s[0].toUpperCase() + s.slice(1)

export const sentence = (r: Random) =>
  `${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(PLACES)} ${r.pick(TIMES)}${r.next() < 0.5 ? `, ${r.pick(CLAUSES)}` : ''}.`

export const paragraph = (r: Random, sentences = r.int(3, 6)) => Array.from({ length: sentences }, () => sentence(r)).join(' ')

/** A news story of 600–900 words in Markdown: paragraphs under headings, some emphasis, one list. */
export const articleMarkdown = (r: Random) => {
  const sections = Array.from({ length: r.int(3, 4) }, (_, i) => {
    const body = Array.from({ length: r.int(3, 4) }, () => paragraph(r)).join('\n\n')
    const list = i === 1 ? `\n\n${Array.from({ length: 4 }, () => `- ${capitalize(r.pick(OBJECTS))} ${r.pick(PLACES)}`).join('\n')}` : ''
    return `## ${HEADINGS[i]}\n\n**${sentence(r)}** ${body}${list}`
  })
  return `${paragraph(r)}\n\n${sections.join('\n\n')}`
}

export const headline = (r: Random) => `${capitalize(r.pick(SUBJECTS))} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(PLACES)}`

const GOODS = [
  'Kopi Robusta',
  'Madu Hutan',
  'Keripik Pisang',
  'Gula Aren',
  'Kain Tenun',
  'Tas Rotan',
  'Sambal Terasi',
  'Teh Herbal',
  'Dodol Durian',
  'Minyak Kelapa',
  'Beras Merah',
  'Ikan Asin',
  'Kerupuk Udang',
  'Abon Ikan',
  'Tikar Pandan',
  'Lada Putih',
  'Amplang',
  'Anyaman Bambu',
]
const QUALITIES = ['Asli', 'Premium', 'Pilihan', 'Organik', 'Khas Desa', 'Tradisional', 'Super', 'Segar']
const SIZES = ['100 g', '250 g', '500 g', '1 kg', '1 botol', '1 bungkus', '1 buah']

export const productName = (r: Random) => `${r.pick(GOODS)} ${r.pick(QUALITIES)}`
export const packageSize = (r: Random) => r.pick(SIZES)

const GIVEN = [
  'Siti',
  'Budi',
  'Ahmad',
  'Dewi',
  'Rahmat',
  'Nur',
  'Agus',
  'Sri',
  'Yusuf',
  'Wati',
  'Hendra',
  'Rina',
  'Joko',
  'Fitri',
  'Andi',
  'Lestari',
]
const FAMILY = [
  'Aminah',
  'Santoso',
  'Hidayat',
  'Lestari',
  'Saputra',
  'Rahmawati',
  'Kurniawan',
  'Wulandari',
  'Setiawan',
  'Handayani',
  'Pratama',
  'Syahputra',
]
export const personName = (r: Random) => `${r.pick(GIVEN)} ${r.pick(FAMILY)}`
export const nik = (r: Random) => `6402${String(r.int(10, 99))}${String(r.int(100000, 999999))}${String(r.int(1000, 9999))}`
export const phone = (r: Random) => `08${r.int(11, 59)}${String(r.int(10000000, 99999999))}`
export const address = (r: Random) =>
  `RT ${String(r.int(1, 12)).padStart(2, '0')} RW ${String(r.int(1, 5)).padStart(2, '0')}, ${r.pick(['Dusun Hulu', 'Dusun Hilir', 'Dusun Tengah', 'Dusun Seberang'])}`
