import { describe, expect, it } from 'vitest'
import { buildFeed, type FeedEpisode, type FeedShow } from '../../cms/podcast/feed'

const show: FeedShow = {
  title: 'Suara Desa',
  description: 'Podcast desa',
  siteUrl: 'https://desa.id/podcast',
  feedUrl: 'https://desa.id/podcast/feed.xml',
  imageUrl: 'https://desa.id/media/art.jpg',
  language: 'id',
  category: 'Health & Fitness',
  explicit: false,
  type: 'episodic',
  ownerName: 'Tim Media',
  ownerEmail: 'media@desa.id',
  locked: true,
}
const episode = (n: number | null, day: number): FeedEpisode => ({
  guid: `guid-${n ?? 'x'}-${day}`,
  title: `Cerita <${day}>`,
  link: `https://desa.id/podcast/e${day}`,
  descriptionHtml: '<p>Catatan</p>',
  publishedAt: new Date(Date.UTC(2026, 10, day, 2)),
  audio: { url: `https://desa.id/media/audio/e${day}.mp3`, bytes: 1000 + day, type: 'audio/mpeg', seconds: 30 },
  explicit: false,
  season: 1,
  episode: n,
  episodeType: 'full',
})
const titles = (xml: string) => [...xml.matchAll(/<item><title>([^<]+)<\/title>/g)].map((m) => m[1])

describe('the feed builder', () => {
  it('lists an episodic show newest first, escaping text', () => {
    const xml = buildFeed(show, [episode(1, 3), episode(3, 9), episode(2, 5)])
    expect(titles(xml)).toEqual(['Cerita &lt;9&gt;', 'Cerita &lt;5&gt;', 'Cerita &lt;3&gt;'])
    expect(xml).toContain('<itunes:category text="Health &amp; Fitness"/>')
    expect(xml).toContain('<pubDate>Mon, 09 Nov 2026 02:00:00 +0000</pubDate>')
    expect(xml).toContain('<enclosure url="https://desa.id/media/audio/e9.mp3" length="1009" type="audio/mpeg"/>')
  })

  it('lists a serial show in episode order and leaves out episodes without a number', () => {
    const xml = buildFeed({ ...show, type: 'serial' }, [episode(2, 3), episode(null, 9), episode(1, 5)])
    expect(titles(xml)).toEqual(['Cerita &lt;5&gt;', 'Cerita &lt;3&gt;'])
    expect(xml).toContain('<itunes:type>serial</itunes:type>')
  })
})

describe('the Podcasting 2.0 details', () => {
  it('name the hosts and each episode’s guests, the place, the funding link, the licence and the episode title for Apple', () => {
    const xml = buildFeed(
      {
        ...show,
        hosts: ['Rina'],
        location: { name: 'Desa Sungai Lestari, Kutai Kartanegara', latitude: -0.5478, longitude: 117.0563 },
        funding: { url: 'https://desa.id/produk', text: 'Belanja produk desa' },
        license: { id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      },
      [{ ...episode(1, 3), guests: ['Pak Darto & Bu Sari'] }],
    )
    expect(xml).toContain('<podcast:person role="host">Rina</podcast:person>')
    expect(xml).toContain('<podcast:person role="guest">Pak Darto &amp; Bu Sari</podcast:person>')
    expect(xml).toContain('<podcast:location geo="geo:-0.5478,117.0563">Desa Sungai Lestari, Kutai Kartanegara</podcast:location>')
    expect(xml).toContain('<podcast:funding url="https://desa.id/produk">Belanja produk desa</podcast:funding>')
    expect(xml).toContain('<podcast:license url="https://creativecommons.org/licenses/by/4.0/">CC-BY-4.0</podcast:license>')
    expect(xml).toContain('<itunes:title>Cerita &lt;3&gt;</itunes:title>')
  })
})
