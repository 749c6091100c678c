import { describe, expect, it } from 'vitest'
import { embedHtml } from '../../site/lib/embeds'
import { linkNode, paragraphOf } from '../support/richText'

describe('embeds in articles', () => {
  it('become an escaped link card naming the site they lead to', () => {
    expect(embedHtml({ url: 'https://www.youtube.com/watch?v=abc&t=1', title: 'Video <panen>' })).toBe(
      '<p class="embed"><a href="https://www.youtube.com/watch?v=abc&amp;t=1" rel="noopener">Video &lt;panen&gt;</a> <small>(youtube.com)</small></p>',
    )
  })

  it('use the host as the title when none is given, and drop anything that is not https', () => {
    expect(embedHtml({ url: 'https://maps.example.org/desa' })).toMatch(/>maps\.example\.org<\/a>/)
    expect(embedHtml({ url: 'javascript:alert(1)' })).toBe('')
  })
})

describe('article bodies', () => {
  it('render embed blocks from the editor as link cards', async () => {
    const { richTextToHtml } = await import('../../site/lib/richtext')
    const body = {
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [
          {
            type: 'block',
            version: 2,
            format: '',
            fields: { id: 'x1', blockType: 'embed', blockName: '', url: 'https://www.youtube.com/watch?v=abc', title: 'Panen lada' },
          },
        ],
      },
    }
    expect(richTextToHtml(body, 'id')).toContain('<a href="https://www.youtube.com/watch?v=abc" rel="noopener">Panen lada</a>')
  })
})

describe('formatting in article bodies', () => {
  const text = (value: string, format = 0) => ({ type: 'text', version: 1, text: value, format, style: '', mode: 'normal', detail: 0 })
  const root = (...children: object[]) => ({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children } })

  it('comes out as classes, never as inline styles the Content-Security-Policy would block', async () => {
    const { richTextToHtml } = await import('../../site/lib/richtext')
    const html = richTextToHtml(
      root(
        {
          type: 'paragraph',
          version: 1,
          direction: null,
          format: 'center',
          indent: 2,
          textFormat: 0,
          children: [text('Tengah', 8), text(' <b>"coret"</b>', 4)],
        },
        {
          type: 'list',
          version: 1,
          listType: 'bullet',
          tag: 'ul',
          start: 1,
          direction: null,
          format: '',
          indent: 0,
          children: [{ type: 'listitem', version: 1, value: 1, direction: null, format: '', indent: 0, children: [text('Lada')] }],
        },
      ),
      'id',
    )
    expect(html).not.toMatch(/\sstyle=/)
    expect(html).toMatch(/<p class="rt-center rt-indent-2">/)
    expect(html).toContain('<span class="rt-underline">Tengah</span>')
    expect(html).toContain('<span class="rt-strike"> &lt;b&gt;&quot;coret&quot;&lt;/b&gt;</span>')
    // HTML allows `value` only on items of ordered lists.
    expect(html).toMatch(/<ul class="list-bullet"><li\s+class=""\s*>Lada<\/li>/)
  })
})

describe('links in article bodies', () => {
  const paragraphWith = (fields: object) => paragraphOf(linkNode(fields, 'Madu hutan'))
  const village = { id: 1, slug: 'sukamaju', base: '/desa/sukamaju' }

  it("lead a linked document to its page, in the reader's language and under the village's base", async () => {
    const { richTextToHtml } = await import('../../site/lib/richtext')
    const { inVillage } = await import('../../cms/villages/current')
    const linked = paragraphWith({ linkType: 'internal', doc: { relationTo: 'products', value: { id: 7, slug: 'madu-hutan' } } })
    expect(richTextToHtml(linked, 'id')).toContain('<a href="/produk/madu-hutan">Madu hutan</a>')
    expect(inVillage(village, () => richTextToHtml(linked, 'en'))).toContain('<a href="/desa/sukamaju/en/produk/madu-hutan">Madu hutan</a>')
  })

  it('keep an address on the site under the village base, once, and leave other sites alone', async () => {
    const { richTextToHtml } = await import('../../site/lib/richtext')
    const { inVillage } = await import('../../cms/villages/current')
    const to = (url: string) => inVillage(village, () => richTextToHtml(paragraphWith({ linkType: 'custom', url }), 'id'))
    expect(to('/produk/madu-hutan')).toContain('href="/desa/sukamaju/produk/madu-hutan"')
    expect(to('/desa/sukamaju/produk/madu-hutan')).toContain('href="/desa/sukamaju/produk/madu-hutan"')
    expect(to('https://example.org/madu')).toContain('href="https://example.org/madu"')
  })

  it('show only the text of a linked document the reader may not see (not populated) or that has no page', async () => {
    const { richTextToHtml } = await import('../../site/lib/richtext')
    const hidden = richTextToHtml(paragraphWith({ linkType: 'internal', doc: { relationTo: 'news', value: 12 } }), 'id')
    expect(hidden).toContain('Madu hutan')
    expect(hidden).not.toContain('<a')
    const account = richTextToHtml(paragraphWith({ linkType: 'internal', doc: { relationTo: 'users', value: { id: 1, slug: 'x' } } }), 'id')
    expect(account).not.toContain('<a')
  })
})
