import { describe, expect, it } from 'vitest'
import { embedHtml } from '../../site/lib/embeds'

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
        type: 'root', version: 1, direction: null, format: '', indent: 0,
        children: [{ type: 'block', version: 2, format: '', fields: { id: 'x1', blockType: 'embed', blockName: '', url: 'https://www.youtube.com/watch?v=abc', title: 'Panen lada' } }],
      },
    }
    expect(richTextToHtml(body)).toContain('<a href="https://www.youtube.com/watch?v=abc" rel="noopener">Panen lada</a>')
  })
})
