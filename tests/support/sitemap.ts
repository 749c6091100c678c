import { readFileSync } from 'node:fs'
import path from 'node:path'
import { validateXML } from 'xmllint-wasm'

const schemaDir = path.resolve('tests/support/sitemaps-schema')
const schemaFile = (name: string) => ({ fileName: name, contents: readFileSync(path.join(schemaDir, name), 'utf8') })

/** A sitemap (a urlset with xhtml:link alternates, or a sitemap index) checked against the sitemaps.org XSD. */
export const validateSitemap = async (xml: string) => {
  const index = /<sitemapindex\b/.test(xml)
  const result = await validateXML({
    xml: { fileName: index ? 'sitemap-index.xml' : 'sitemap.xml', contents: xml },
    schema: schemaFile(index ? 'siteindex.xsd' : 'sitemap-with-alternates.xsd'),
    preload: index ? [] : [schemaFile('sitemap.xsd'), schemaFile('xhtml-link.xsd')],
  })
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) }
}

/** The `<loc>` addresses of a sitemap or sitemap index. */
export const locations = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])
