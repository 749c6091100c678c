import { stemmer } from '@orama/stemmers/indonesian'
import { stopwords } from '@orama/stopwords/indonesian'

/**
 * Indonesian text handling shared by every engine: both the documents and the queries go through
 * `analyze`, so "penjualan" and "jual" meet on the same term whatever engine stores them.
 */

/** Queries longer than this are cut (Meilisearch reads at most 10 words anyway). */
export const MAX_QUERY_CHARS = 200
const MAX_QUERY_TERMS = 10

// English content (the /en site) shares the index, so its most common words are stop words too.
const ENGLISH_STOP_WORDS = [
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'has',
  'have',
  'in',
  'is',
  'it',
  'its',
  'of',
  'on',
  'or',
  'that',
  'the',
  'this',
  'to',
  'was',
  'were',
  'will',
  'with',
]
export const STOP_WORDS_LIST = [...new Set([...stopwords, ...ENGLISH_STOP_WORDS])]
const STOP_WORDS = new Set(STOP_WORDS_LIST)

/**
 * Words the Snowball stemmer gets wrong: it reads the start of "berita" as the prefix "ber-",
 * "kelapa" as "ke-", and strips "meng-" too eagerly from "mengirimkan".
 */
export const STEM_OVERRIDES: Record<string, string> = {
  berita: 'berita',
  keripik: 'keripik',
  kelapa: 'kelapa',
  kerupuk: 'kerupuk',
  perahu: 'perahu',
  mengirim: 'kirim',
  mengirimkan: 'kirim',
  dikirim: 'kirim',
  pengiriman: 'kirim',
  kiriman: 'kirim',
  layanan: 'layan',
  pelayanan: 'layan',
}

/** Lowercase, no diacritics, no control characters; letters and digits survive, the rest is spacing. */
export const normalize = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\p{Cc}/gu, ' ')

const stem = (word: string): string => {
  // Own keys only: a query word like "constructor" must not find Object.prototype's members.
  if (Object.hasOwn(STEM_OVERRIDES, word)) return STEM_OVERRIDES[word]
  // Short words, numbers and codes ("bumdes", "2024") are left as they are.
  if (word.length <= 4 || /\d/.test(word)) return word
  return stemmer(word)
}

/**
 * One word as an index term, or null for a stop word. Full reduplication ("anak-anak") means the
 * plural of its base, except when the base alone is a stop word: "oleh-oleh" (souvenirs) is not "oleh" (by).
 */
const termOf = (word: string): string | null => {
  const parts = word.split('-').filter(Boolean)
  if (parts.length === 0) return null
  if (parts.length === 2 && parts[0] === parts[1] && !STOP_WORDS.has(parts[0])) return stem(parts[0])
  if (parts.length > 1) return parts.join('')
  return STOP_WORDS.has(word) ? null : stem(word)
}

/** Words of a text as they appear (for highlighting), each with its index term (null: a stop word). */
export const words = (text: string): { word: string; start: number; end: number; term: string | null }[] => {
  const out = []
  for (const match of normalize(text).matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) {
    out.push({ word: match[0], start: match.index, end: match.index + match[0].length, term: termOf(match[0]) })
  }
  return out
}

/** The terms of a text, in order (queries and synonyms). */
export const analyze = (text: string): string[] => words(text).flatMap((w) => (w.term ? [w.term] : []))

const surface = (word: string) => word.replace(/-/g, '')

/**
 * The terms a document is indexed under: each word's stem, and its surface form when that differs, so a
 * half-typed word still finds its prefix ("kera…" → "kerajinan", whose stem is "rajin").
 */
export const indexTerms = (text: string): string[] =>
  words(text).flatMap((w) => (!w.term ? [] : surface(w.word) === w.term ? [w.term] : [w.term, surface(w.word)]))

/** Editors' synonym groups ("oleh-oleh", "souvenir") as term sequences: each phrase maps to its alternatives. */
export type Synonyms = Map<string, string[][]>

export const compileSynonyms = (groups: string[][]): Synonyms => {
  const map: Synonyms = new Map()
  for (const group of groups) {
    const phrases = [
      ...new Map(
        group
          .map((p) => analyze(p))
          .filter((t) => t.length)
          .map((t) => [t.join(' '), t]),
      ).values(),
    ]
    for (const phrase of phrases) {
      const key = phrase.join(' ')
      const others = phrases.filter((p) => p.join(' ') !== key)
      if (others.length) map.set(key, [...(map.get(key) ?? []), ...others])
    }
  }
  return map
}

/** A query term group: any one of the alternatives (each a sequence of terms, all required) matches. */
type TermGroup = string[][]
export type PreparedQuery = {
  /** The query's terms (stop words removed, stemmed, at most ten). */
  terms: string[]
  /** The terms grouped with their synonyms (and the last word's surface form); every group must match. */
  groups: TermGroup[]
  /** True when the query had words but all were stop words. */
  onlyStopWords: boolean
  /** True when the query was cut to MAX_QUERY_CHARS or MAX_QUERY_TERMS. */
  truncated: boolean
}

export const prepareQuery = (text: string, synonyms: Synonyms = new Map()): PreparedQuery => {
  const cut = text.slice(0, MAX_QUERY_CHARS)
  const all = words(cut)
  const analyzed = all.flatMap((w) => (w.term ? [w.term] : []))
  const terms = analyzed.slice(0, MAX_QUERY_TERMS)
  const lastWord = all
    .filter((w) => w.term)
    .slice(0, MAX_QUERY_TERMS)
    .at(-1)
  const longest = Math.max(0, ...[...synonyms.keys()].map((k) => k.split(' ').length))
  const groups: TermGroup[] = []
  for (let i = 0; i < terms.length;) {
    let matched = 0
    for (let n = Math.min(longest, terms.length - i); n > 0 && !matched; n--) {
      if (synonyms.has(terms.slice(i, i + n).join(' '))) matched = n
    }
    if (matched) {
      const phrase = terms.slice(i, i + matched)
      groups.push([phrase, ...synonyms.get(phrase.join(' '))!])
      i += matched
    } else {
      // The last word may be half typed: its surface form is an alternative to its stem.
      const typed = i === terms.length - 1 && lastWord ? surface(lastWord.word) : terms[i]
      groups.push(typed === terms[i] ? [[terms[i]]] : [[terms[i]], [typed]])
      i += 1
    }
  }
  return {
    terms,
    groups,
    onlyStopWords: all.length > 0 && analyzed.length === 0,
    truncated: text.length > MAX_QUERY_CHARS || analyzed.length > MAX_QUERY_TERMS,
  }
}

/** Typos allowed in a term, as Meilisearch counts them: one from 5 letters, two from 9. */
export const typoBudget = (term: string): number => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0)

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
export const boundedDistance = (a: string, b: string, max: number): number => {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
      best = Math.min(best, current[j])
    }
    if (best > max) return max + 1
    previous = current
  }
  return previous[b.length]
}

/** Whether a document term answers a query term: equal, a prefix of it (last query word), or within the typo budget. */
const termMatches = (queryTerm: string, docTerm: string, prefix: boolean): boolean =>
  docTerm === queryTerm ||
  (prefix && queryTerm.length >= 2 && docTerm.startsWith(queryTerm)) ||
  (typoBudget(queryTerm) > 0 && boundedDistance(queryTerm, docTerm, typoBudget(queryTerm)) <= typoBudget(queryTerm))

/** A text cut into plain and matched parts; the page escapes each part and wraps matches in <mark>. */
export type Segment = { text: string; match: boolean }

/**
 * Marks the words of `text` that answer the query, and keeps at most `maxChars` around the first match.
 * Engine-independent, so highlights look the same on every engine.
 */
export const highlight = (text: string, query: PreparedQuery, maxChars = 240): Segment[] => {
  const queryTerms = query.groups.flat(2)
  const prefixes = new Set(query.groups.at(-1)?.map((alternative) => alternative.at(-1)))
  const marked = words(text).filter(
    (w) => w.term && queryTerms.some((q) => termMatches(q, w.term!, prefixes.has(q)) || termMatches(q, surface(w.word), prefixes.has(q))),
  )
  let from = 0
  let to = text.length
  if (text.length > maxChars) {
    const first = marked[0]?.start ?? 0
    from = Math.max(0, first - Math.floor(maxChars / 3))
    to = Math.min(text.length, from + maxChars)
    // Cut at word boundaries.
    if (from > 0) from = text.indexOf(' ', from) + 1 || from
    if (to < text.length) to = text.lastIndexOf(' ', to) > from ? text.lastIndexOf(' ', to) : to
  }
  // normalize() keeps one character per character for the scripts we index, so offsets map back to `text`.
  const segments: Segment[] = []
  let at = from
  for (const w of marked) {
    if (w.start < from || w.end > to) continue
    if (w.start > at) segments.push({ text: text.slice(at, w.start), match: false })
    segments.push({ text: text.slice(w.start, w.end), match: true })
    at = w.end
  }
  if (at < to) segments.push({ text: text.slice(at, to), match: false })
  if (from > 0) segments.unshift({ text: '… ', match: false })
  if (to < text.length) segments.push({ text: ' …', match: false })
  return segments
}
