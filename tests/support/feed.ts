import { readFileSync } from 'node:fs'
import path from 'node:path'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { validateXML } from 'xmllint-wasm'

const schemaDir = path.resolve('tests/support/podcast-namespace')
const schemaFile = (name: string) => ({ fileName: name, contents: readFileSync(path.join(schemaDir, name), 'utf8') })

/** XML well-formedness: true, or the parser's complaint. */
export const wellFormed = (xml: string) => XMLValidator.validate(xml)

export const parseFeed = (xml: string) =>
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
