import { readFileSync } from 'node:fs'
import path from 'node:path'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { validateXML } from 'xmllint-wasm'

const schemaDir = path.resolve('tests/support/podcast-namespace')
const schemaFile = (name: string) => ({ fileName: name, contents: readFileSync(path.join(schemaDir, name), 'utf8') })

/** XML well-formedness: true, or the parser's complaint. */
export const wellFormed = (xml: string) => XMLValidator.validate(xml)

/** An element's attributes as the parser gives them: `@name`. */
type Attributes<Name extends string> = { [key in `@${Name}`]: string }
type Cdata = { '#cdata': string }

/** The parts of an RSS item (a podcast episode or an article) the tests read. */
export type FeedItem = {
  title: string
  link: string
  guid: { '#text': string } & Attributes<'isPermaLink'>
  pubDate: string
  description: Cdata
  enclosure: Attributes<'url' | 'length' | 'type'>
  'itunes:duration': number
  'itunes:episode': number
  'itunes:season': number
  'itunes:episodeType': string
  'podcast:transcript': Attributes<'url' | 'type'>
  'podcast:chapters': Attributes<'url' | 'type'>
  'itunes:title'?: string
  'content:encoded'?: Cdata
  'dc:creator'?: string
  category?: unknown
}

/** The parts of an RSS channel the tests read. */
export type FeedChannel = {
  title: string
  description: Cdata
  language: string
  link: string
  copyright: string
  'itunes:category': Attributes<'text'>
  'itunes:explicit': boolean | string
  'itunes:owner': Record<string, string>
  'itunes:author': string
  'itunes:type': string
  'itunes:image': Attributes<'href'>
  'podcast:guid': string
  'podcast:locked': { '#text': string } & Attributes<'owner'>
  item: FeedItem[]
}

/** An RSS feed parsed with attributes as `@name`, text as `#text` and CDATA as `#cdata`; items always a list. */
export const parseFeed = (xml: string): { rss: { channel: FeedChannel } } =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', cdataPropName: '#cdata', isArray: (name) => name === 'item' }).parse(
    xml,
  )

/** Podcasting 2.0 elements the schema does not declare: tests check them by their own rules. */
const UNDECLARED = ['guid', 'license']

/**
 * The feed's podcast:* elements (except podcast:guid and podcast:license, which the schema does not declare) validated
 * offline against the Podcasting 2.0 XSD, as its README describes: wrapped in podcast:test-wrapper.
 */
export const validatePodcastNamespace = async (xml: string) => {
  const elements = [...xml.matchAll(/<podcast:(\w+)\b[^>]*?(?:\/>|>[\s\S]*?<\/podcast:\1>)/g)]
    .filter((m) => !UNDECLARED.includes(m[1]))
    .map((m) => m[0])
  const wrapped = `<?xml version="1.0" encoding="UTF-8"?>\n<podcast:test-wrapper xmlns:podcast="https://podcastindex.org/namespace/1.0">${elements.join('\n')}</podcast:test-wrapper>`
  const result = await validateXML({
    xml: { fileName: 'feed-podcast-elements.xml', contents: wrapped },
    schema: schemaFile('podcast-wrapper.xsd'),
    preload: schemaFile('podcast.xsd'),
  })
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage), elements: elements.length }
}
