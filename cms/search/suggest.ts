import { boundedDistance, normalize, words } from './text'

/** The words of titles, categories and producers, for "did you mean" suggestions. */
export const vocabularyOf = (texts: string[]): Set<string> =>
  new Set(
    texts.flatMap((text) =>
      words(text)
        .filter((w) => w.term && w.word.length >= 3)
        .map((w) => w.word),
    ),
  )

/**
 * A corrected query when some of its words are not in the vocabulary but close to a word that is
 * (further than the engine's own typo tolerance reaches), or null when there is nothing to suggest.
 */
export const suggestQuery = (text: string, vocabulary: Set<string>): string | null => {
  let changed = false
  const corrected = words(text).map(({ word, term }) => {
    if (!term || vocabulary.has(word) || word.length < 3) return word
    const max = word.length >= 8 ? 3 : 2
    let best: string | null = null
    let bestDistance = max + 1
    for (const candidate of vocabulary) {
      const distance = boundedDistance(word, candidate, max)
      if (distance < bestDistance || (distance === bestDistance && best !== null && candidate < best)) {
        best = candidate
        bestDistance = distance
      }
    }
    if (!best || bestDistance > max) return word
    changed = true
    return best
  })
  return changed && corrected.join(' ') !== normalize(text).trim() ? corrected.join(' ') : null
}
