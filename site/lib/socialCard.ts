import sharp, { type OverlayOptions } from 'sharp'
import { SOCIAL_CARD } from '../../cms/collections/Media'
import type { Media } from '../../cms/payload-types'
import { escapeXml } from '../../cms/lib/xml'
import { publicFiles } from '../../cms/lib/objectStorage'
import { contentHashedName, isContentHashed } from '../../cms/lib/hashedName'
import { mediaUrl } from './images'

/** The picture a shared page shows (og:image): a path on this site, its size and its alt text. */
export type SocialImage = { path: string; width: number; height: number; alt: string }

/** A picture's 1200×630 crop, or null when it has none (uploaded before that size existed). */
export const mediaSocialImage = (media: Media | null | undefined): SocialImage | null => {
  const card = media?.sizes?.og
  if (!card?.filename || card.width !== SOCIAL_CARD.width || card.height !== SOCIAL_CARD.height) return null
  return { path: mediaUrl(card.filename), width: SOCIAL_CARD.width, height: SOCIAL_CARD.height, alt: media?.alt ?? '' }
}

const THEME = '#0b5d3b'
/** Generated cards live beside the uploads, named by what they show; a change makes a new name. */
const CARD_DIR = 'cards'
/** Part of every card's name: raise it when the drawing changes, so no old card is served for the new one. */
const CARD_DESIGN = 1

/** Splits a title into at most `lines` lines of about `width` characters, the last one cut with an ellipsis. */
const wrap = (text: string, width: number, lines: number) => {
  const out: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > width) {
      out.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) out.push(line)
  if (out.length <= lines) return out
  const kept = out.slice(0, lines)
  kept[lines - 1] = `${kept[lines - 1].slice(0, width - 1).trimEnd()}…`
  return kept
}

/**
 * Whether XML 1.0 allows a character: tab, line breaks and everything from space on, except unpaired surrogates
 * (a string's code points yield those alone), U+FFFE and U+FFFF.
 */
const xmlAllows = (character: string) => {
  const code = character.codePointAt(0)!
  if (code === 0x9 || code === 0xa || code === 0xd) return true
  return code >= 0x20 && !(code >= 0xd800 && code <= 0xdfff) && code !== 0xfffe && code !== 0xffff
}

/** Text as SVG (XML) may carry it: no control characters, no unpaired surrogates, `<` and `&` escaped. */
const svgText = (text: string) => escapeXml([...text].filter(xmlAllows).join(''))

const cardSvg = (title: string, villageName: string, hasLogo: boolean) => {
  const textX = hasLogo ? 400 : 90
  const titleLines = wrap(title, hasLogo ? 22 : 30, 3)
  const titleSize = titleLines.length > 2 ? 58 : 66
  const tspans = titleLines.map((l, i) => `<tspan x="${textX}" dy="${i ? titleSize * 1.15 : 0}">${svgText(l)}</tspan>`).join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SOCIAL_CARD.width}" height="${SOCIAL_CARD.height}">
<rect width="100%" height="100%" fill="${THEME}"/>
<rect y="590" width="100%" height="40" fill="#f2c14e"/>
<text x="${textX}" y="${hasLogo ? 250 : 230}" font-family="DejaVu Sans, sans-serif" font-weight="bold" font-size="${titleSize}" fill="#ffffff">${tspans}</text>
<text x="${textX}" y="160" font-family="DejaVu Sans, sans-serif" font-size="36" fill="#d7eadf">${svgText(villageName)}</text>
</svg>`
}

const drawCard = async (key: string, title: string, villageName: string, logoBytes: Buffer | null) => {
  const layers: OverlayOptions[] = []
  if (logoBytes) {
    const badge = await sharp(logoBytes)
      .resize(240, 240, { fit: 'contain', background: '#ffffff' })
      .flatten({ background: '#ffffff' })
      .png()
      .toBuffer()
    layers.push({ input: badge, left: 90, top: 160 })
  }
  const png = await sharp(Buffer.from(cardSvg(title, villageName, Boolean(logoBytes))))
    .composite(layers)
    .png({ palette: true, compressionLevel: 9 })
    .toBuffer()
  // Stored whole (on disk written beside and renamed), so a visitor never gets half a file and two drawings never mix.
  await publicFiles().write(key, png, 'image/png')
}

/** Cards being drawn in this process: visitors opening a new page at once wait for one drawing. */
const drawing = new Map<string, Promise<void>>()

/**
 * Cards this process knows are stored, by what they show (the logo by its file's name and size): finding one
 * otherwise looks at the disk or bucket on every render (and reads a logo stored before names were hashed). Bounded, as
 * any page title can ask for one.
 */
const known = new Map<string, SocialImage>()
const KNOWN_MAX = 2000

/**
 * A 1200×630 card with the village's logo and name and the page's title, drawn with sharp once and kept with the
 * public files (MEDIA_DIR/cards/ or the bucket's cards/, served under /media/cards/). Its name is a hash of what it shows. A card that cannot be
 * drawn leaves the page without one rather than failing it.
 */
export const generatedSocialImage = async ({
  title,
  villageName,
  logo,
}: {
  title: string
  villageName: string
  logo: Media | null
}): Promise<SocialImage | null> => {
  const remembered = JSON.stringify([title, villageName, logo?.filename ?? null, logo?.filesize ?? null])
  const card = known.get(remembered)
  if (card) return card
  const drawn = await findOrDrawCard({ title, villageName, logo })
  if (drawn) {
    known.set(remembered, drawn)
    if (known.size > KNOWN_MAX) known.delete(known.keys().next().value!)
  }
  return drawn
}

const findOrDrawCard = async ({ title, villageName, logo }: { title: string; villageName: string; logo: Media | null }) => {
  const readLogo = async () => (logo?.filename ? await publicFiles().read(logo.filename) : null)
  // A content-hashed logo's name stands for its bytes: then nothing is read unless a card is drawn.
  const logoIdentity = logo?.filename && isContentHashed(logo.filename) ? logo.filename : ((await readLogo()) ?? '')
  const name = contentHashedName('card.png', [JSON.stringify([CARD_DESIGN, title, villageName]), logoIdentity])
  const key = `${CARD_DIR}/${name}`
  if (!(await publicFiles().exists(key))) {
    let drawn = drawing.get(name)
    if (!drawn) {
      drawn = readLogo()
        .then((logoBytes) => drawCard(key, title, villageName, logoBytes))
        .finally(() => drawing.delete(name))
      drawing.set(name, drawn)
    }
    try {
      await drawn
    } catch (error) {
      console.error(`The social card for "${title}" could not be drawn:`, error)
      return null
    }
  }
  return {
    path: `/media/${CARD_DIR}/${name}`,
    width: SOCIAL_CARD.width,
    height: SOCIAL_CARD.height,
    alt: `${title} · ${villageName}`,
  }
}
