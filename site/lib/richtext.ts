import { convertLexicalToHTML, type HTMLConverter } from '@payloadcms/richtext-lexical/html'
import { sanitizeUrl } from 'payload/shared'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { SerializedAutoLinkNode, SerializedLinkNode } from '@payloadcms/richtext-lexical'
import { documentPath, isPublicCollection } from '../../cms/lib/documentPaths'
import { escapeXml } from '../../cms/lib/xml'
import { villageBase } from '../../cms/villages/current'
import { localePath, type Locale } from '../i18n/locales'
import { embedHtml } from './embeds'

/** The inline styles the converter writes, as the site's classes (global.css `.rt-*`). */
const STYLE_CLASSES: Record<string, string> = {
  'text-align:center': 'rt-center',
  'text-align:right': 'rt-right',
  'text-align:justify': 'rt-justify',
  'list-style-type:none': 'rt-nested',
  'text-decoration:line-through': 'rt-strike',
  'text-decoration:underline': 'rt-underline',
}

const classesOf = (css: string) =>
  css
    .split(';')
    .map((declaration) => declaration.replace(/\s+/g, ''))
    .map((declaration) => {
      const indent = /^padding-inline-start:(\d+)px$/.exec(declaration)
      return indent ? `rt-indent-${Math.min(6, Math.round(Number(indent[1]) / 40))}` : STYLE_CLASSES[declaration]
    })
    .filter((name): name is string => Boolean(name))

/**
 * Style attributes become classes: the Content-Security-Policy allows no inline styles (a blocked style
 * attribute is an error in the visitor's console). Text is escaped by the converter, so every `style="`
 * left in its output is an attribute it wrote.
 */
const withoutInlineStyles = (html: string) =>
  html.replace(
    /<([a-z][a-z0-9]*)\b([^>]*?)\sstyle="([^"]*)"([^>]*)>/gi,
    (_tag, name: string, before: string, css: string, after: string) => {
      const attributes = before + after
      const added = classesOf(css)
      if (!added.length) return `<${name}${attributes}>`
      if (!/\sclass="/.test(attributes)) return `<${name}${attributes} class="${added.join(' ')}">`
      return `<${name}${attributes.replace(/\sclass="([^"]*)"/, (_c, existing: string) => ` class="${[existing.trim(), ...added].filter(Boolean).join(' ')}"`)}>`
    },
  )

/**
 * The converter numbers every list item (`<li value="2">`); HTML allows `value` only in ordered lists, so it
 * is dropped from items of bulleted and check lists.
 */
const withoutBulletValues = (html: string) => {
  const lists: string[] = []
  return html.replace(/<(\/?)(ul|ol|li)\b([^>]*)>/gi, (tag, closing: string, name: string, attributes: string) => {
    const lower = name.toLowerCase()
    if (lower !== 'li') {
      if (closing) lists.pop()
      else lists.push(lower)
      return tag
    }
    return !closing && lists.at(-1) === 'ul' ? `<li${attributes.replace(/\svalue="[^"]*"/i, '')}>` : tag
  })
}

/**
 * Where a link in rich text leads on this village's site: a linked document to its page in the reader's language, an
 * address on the site (`/produk/madu`) under the village's base (a village served at /desa/<slug>/ of the regency's
 * host). A linked document the reader may not see (a draft, another village's) is no link, only its text.
 */
const linkTarget = (fields: SerializedLinkNode['fields'], locale: Locale): string | null => {
  if (fields.linkType === 'internal') {
    const { relationTo, value } = fields.doc ?? {}
    if (!relationTo || !isPublicCollection(relationTo) || typeof value !== 'object' || !value || !('slug' in value)) return null
    return typeof value.slug === 'string' ? localePath(locale, documentPath(relationTo, value.slug)) : null
  }
  const url = fields.url ?? ''
  const base = villageBase()
  const onThisSite = url.startsWith('/') && !url.startsWith('//')
  return onThisSite && base && url !== base && !url.startsWith(`${base}/`) ? base + url : url
}

const linkConverter =
  (locale: Locale): HTMLConverter<SerializedLinkNode | SerializedAutoLinkNode> =>
  ({ node, nodesToHTML, providedStyleTag }) => {
    const children = nodesToHTML({ nodes: node.children }).join('')
    const href = linkTarget(node.fields, locale)
    if (href === null) return children
    const newTab = node.fields.newTab ? ' rel="noopener noreferrer" target="_blank"' : ''
    return `<a${providedStyleTag} href="${escapeXml(sanitizeUrl(href))}"${newTab}>${children}</a>`
  }

/** Rich text from the CMS as HTML in the reader's language; the converter escapes text, so editors cannot inject markup. */
export const richTextToHtml = (value: unknown, locale: Locale): string =>
  value && typeof value === 'object'
    ? withoutBulletValues(
        withoutInlineStyles(
          convertLexicalToHTML({
            data: value as SerializedEditorState,
            converters: ({ defaultConverters }) => ({
              ...defaultConverters,
              link: linkConverter(locale),
              autolink: linkConverter(locale),
              blocks: { embed: ({ node }: { node: { fields: Parameters<typeof embedHtml>[0] } }) => embedHtml(node.fields) },
            }),
          }),
        ),
      )
    : ''
