import { useRef, useState, type MouseEvent, type ReactNode } from 'react'
import { secondsToClock } from '../../cms/podcast/chapters'
import { say, type Phrasebook } from './phrasebook'

export type Chapter = { at: number; title: string }

export const PLAYER_TEXTS = ['podcast.player', 'podcast.noAudioSupport', 'podcast.chapters', 'podcast.chaptersHint'] as const

/** `children`: what the page shows between the player and its chapters (the download link). */
type Props = { src: string; chapters: Chapter[]; texts: Phrasebook; children?: ReactNode }

/** The chapter playing at a moment: the last one started by then. */
export const chapterAt = (chapters: Chapter[], seconds: number) => chapters.findLastIndex((c) => c.at <= seconds)

/**
 * The episode's player and its chapters. Each chapter is a `#t=` link into the audio file, which works without
 * JavaScript; hydrated, a chapter seeks the player instead, and the chapter playing is marked as current.
 */
export default function EpisodePlayer({ src, chapters, texts, children }: Props) {
  const player = useRef<HTMLAudioElement>(null)
  const [current, setCurrent] = useState(-1)
  const seek = (event: MouseEvent, at: number) => {
    const audio = player.current
    if (!audio) return
    event.preventDefault()
    audio.currentTime = at
    setCurrent(chapterAt(chapters, at))
    void audio.play()
  }
  return (
    <>
      <audio
        id="player"
        ref={player}
        controls
        preload="none"
        src={src}
        aria-label={say(texts, 'podcast.player')}
        onTimeUpdate={chapters.length ? (e) => setCurrent(chapterAt(chapters, e.currentTarget.currentTime)) : undefined}
      >
        {say(texts, 'podcast.noAudioSupport')}
      </audio>
      {children}
      {chapters.length > 0 && (
        <section aria-labelledby="chapters">
          <h2 id="chapters">{say(texts, 'podcast.chapters')}</h2>
          <p className="meta">{say(texts, 'podcast.chaptersHint')}</p>
          <ol className="chapters">
            {chapters.map((c, i) => (
              <li key={i} aria-current={i === current ? 'true' : undefined}>
                <a href={`${src}#t=${c.at}`} onClick={(e) => seek(e, c.at)}>
                  {secondsToClock(c.at)}
                </a>{' '}
                {c.title}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  )
}
