import budgets from '../budgets.json'
import { benchAdmin, pageWeight, type Suite } from '../harness'

const EPISODES = 500

/** Publishes episodes until the show has `total`, four requests at a time. */
const fillShow = async (url: string, total: number) => {
  const admin = await benchAdmin(url)
  const audio = await admin.get<{ docs: { id: number }[] }>('/api/podcast-audio?limit=1')
  const existing = (await admin.get<{ totalDocs: number }>('/api/episodes?limit=1')).totalDocs
  const numbers = Array.from({ length: total - existing }, (_, i) => i + 1)
  const publish = async (n: number) => {
    const body = {
      title: `Kabar desa pekan ke-${n}`,
      slug: `bench-${n}`,
      season: 2,
      episodeNumber: n,
      audio: audio.docs[0].id,
      summary: 'Ringkasan kabar desa pekan ini.',
      _status: 'published',
    }
    await admin.post('/api/episodes', body)
  }
  for (let i = 0; i < numbers.length; i += 4) await Promise.all(numbers.slice(i, i + 4).map(publish))
}

/** Issue 3: news and podcast pages, and the feed with many episodes. */
export const news: Suite = {
  name: 'news',
  run: async (url, record) => {
    const article = await pageWeight(url, '/berita/panen-raya-lada-2026')
    record('article page HTML+CSS (brotli)', article.htmlCss, 'bytes', { max: budgets.newsPageBytes })
    record('article page JavaScript (brotli)', article.js, 'bytes', { max: 0 })
    const episode = await pageWeight(url, '/podcast/panen-lada-bersama')
    record('episode page HTML+CSS (brotli)', episode.htmlCss, 'bytes', { max: budgets.newsPageBytes })

    await fillShow(url, EPISODES)
    const times: number[] = []
    let items = 0
    for (let i = 0; i < 5; i++) {
      const started = performance.now()
      const xml = await (await fetch(`${url}/podcast/feed.xml`)).text()
      times.push(performance.now() - started)
      items = xml.split('<item>').length - 1
    }
    record('podcast feed items', items, 'items', { min: EPISODES })
    record(`/podcast/feed.xml with ${EPISODES} episodes (median of 5)`, times.sort((a, b) => a - b)[2], 'ms', { max: budgets.feed500Ms })
  },
}
