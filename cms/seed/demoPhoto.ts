import { createHash } from 'node:crypto'
import sharp from 'sharp'

/**
 * Demo "photographs" of the marketplace's products and producers, drawn rather than shot: a product on a
 * wooden table against a softly lit, out-of-focus wall, with light, shadow and film grain, so the demo shop
 * looks like one with real photos. The same name always draws the same picture (a seeded generator).
 */

export type PhotoKind = 'grains' | 'pouch' | 'jar' | 'basket' | 'fish' | 'portrait'

const SIZE = 640

/** A small deterministic generator (mulberry32) seeded from the picture's name. */
const generator = (seed: string) => {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0)
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const shade = (hex: string, amount: number) => {
  const n = parseInt(hex.slice(1), 16)
  const channel = (shift: number) => Math.max(0, Math.min(255, Math.round(((n >> shift) & 255) * (1 + amount))))
  return `rgb(${channel(16)},${channel(8)},${channel(0)})`
}

const subject = (kind: PhotoKind, color: string, random: () => number) => {
  const dark = shade(color, -0.35)
  const light = shade(color, 0.35)
  switch (kind) {
    case 'grains':
      // A wooden bowl heaped with peppercorns, beans or seeds.
      return `<ellipse cx="400" cy="560" rx="230" ry="60" fill="#5b3a1e"/>
        <path d="M170 520 Q400 760 630 520 Z" fill="url(#wood)"/>
        ${Array.from({ length: 260 }, () => {
          const a = random() * Math.PI
          const r = Math.sqrt(random()) * 215
          const x = 400 + Math.cos(a) * r * (random() > 0.5 ? 1 : -1)
          const y = 515 - Math.sin(a) * r * 0.42 - random() * 20
          return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${(7 + random() * 5).toFixed(1)}" fill="${random() > 0.5 ? dark : color}"/>`
        }).join('')}`
    case 'pouch':
      return `<path d="M270 250 Q265 220 300 215 L500 215 Q535 220 530 250 L555 610 Q555 640 520 640 L280 640 Q245 640 245 610 Z" fill="url(#body)"/>
        <rect x="262" y="215" width="276" height="26" rx="6" fill="${dark}"/>
        <rect x="300" y="380" width="200" height="140" rx="14" fill="#f4efe4" opacity="0.92"/>
        <rect x="325" y="410" width="150" height="16" rx="8" fill="${dark}" opacity="0.7"/>
        <rect x="340" y="445" width="120" height="10" rx="5" fill="${color}" opacity="0.6"/>`
    case 'jar':
      return `<rect x="285" y="235" width="230" height="70" rx="14" fill="#3d2b1f"/>
        <path d="M270 300 L530 300 Q560 310 560 350 L560 600 Q560 640 520 640 L280 640 Q240 640 240 600 L240 350 Q240 310 270 300 Z" fill="url(#glass)"/>
        <path d="M255 420 L545 420 L545 600 Q545 625 520 625 L280 625 Q255 625 255 600 Z" fill="${color}" opacity="0.9"/>
        <rect x="300" y="455" width="200" height="110" rx="10" fill="#f4efe4" opacity="0.9"/>`
    case 'basket':
      return `<path d="M200 380 L600 380 L555 640 L245 640 Z" fill="${color}"/>
        ${Array.from({ length: 9 }, (_, i) => `<path d="M${205 + i * 3} ${400 + i * 27} L${595 - i * 3} ${400 + i * 27}" stroke="${dark}" stroke-width="9" opacity="0.55"/>`).join('')}
        ${Array.from({ length: 14 }, (_, i) => `<path d="M${225 + i * 27} 385 L${250 + i * 22} 635" stroke="${light}" stroke-width="7" opacity="0.5"/>`).join('')}
        <path d="M250 380 Q400 170 550 380" fill="none" stroke="${dark}" stroke-width="22"/>`
    case 'fish':
      return `<ellipse cx="400" cy="560" rx="270" ry="85" fill="#e9e4da"/>
        <ellipse cx="400" cy="550" rx="240" ry="68" fill="#f7f4ee"/>
        ${[0, 1, 2]
          .map((i) => {
            const y = 515 + i * 28
            const x = 300 + i * 30 + random() * 20
            return `<g transform="rotate(${(random() * 10 - 5).toFixed(1)} ${x + 90} ${y})"><ellipse cx="${x + 90}" cy="${y}" rx="110" ry="26" fill="${i % 2 ? color : light}"/>
              <path d="M${x - 20} ${y} L${x - 55} ${y - 24} L${x - 50} ${y + 24} Z" fill="${dark}"/><circle cx="${x + 170}" cy="${y - 6}" r="5" fill="#222"/></g>`
          })
          .join('')}`
    case 'portrait':
      // A producer's workplace: a figure at a table, lit from the side.
      return `<circle cx="400" cy="300" r="85" fill="#8a5a3c"/>
        <path d="M310 270 Q400 170 490 270 Q470 215 400 210 Q330 215 310 270 Z" fill="#2b1d16"/>
        <path d="M230 640 Q240 420 400 410 Q560 420 570 640 Z" fill="${color}"/>
        <path d="M330 470 Q400 520 470 470" stroke="${light}" stroke-width="10" fill="none" opacity="0.6"/>`
  }
}

/** A deterministic, photographic-looking JPEG of a product (or a producer), 640 × 640. */
export const demoPhoto = async (name: string, kind: PhotoKind, color: string) => {
  const random = generator(name)
  const bokeh = Array.from({ length: 14 }, () => {
    const r = 30 + random() * 70
    return `<circle cx="${(random() * SIZE).toFixed(0)}" cy="${(random() * 380).toFixed(0)}" r="${r.toFixed(0)}" fill="#fff6dc" opacity="${(0.08 + random() * 0.18).toFixed(2)}"/>`
  }).join('')
  const wall = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}">
    <defs><radialGradient id="wall" cx="${(0.3 + random() * 0.4).toFixed(2)}" cy="0.2" r="0.9">
      <stop offset="0" stop-color="${shade(color, 0.9)}"/><stop offset="1" stop-color="${shade(color, -0.55)}"/></radialGradient></defs>
    <rect width="${SIZE}" height="${SIZE}" fill="url(#wall)"/>${bokeh}</svg>`
  const scene = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}">
    <defs>
      <linearGradient id="table" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#a9744a"/><stop offset="1" stop-color="#5e3a22"/></linearGradient>
      <linearGradient id="wood" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#9c6b43"/><stop offset="1" stop-color="#4a2e19"/></linearGradient>
      <linearGradient id="body" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="${shade(color, -0.25)}"/><stop offset="0.45" stop-color="${shade(color, 0.3)}"/><stop offset="1" stop-color="${shade(color, -0.45)}"/></linearGradient>
      <linearGradient id="glass" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#dfe9ec" stop-opacity="0.5"/><stop offset="0.3" stop-color="#ffffff" stop-opacity="0.8"/><stop offset="1" stop-color="#9fb2b8" stop-opacity="0.5"/></linearGradient>
      <radialGradient id="light" cx="0.25" cy="0.15" r="0.9"><stop offset="0" stop-color="#fff" stop-opacity="0.35"/><stop offset="0.6" stop-color="#fff" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.45"/></radialGradient>
    </defs>
    <path d="M0 470 L800 450 L800 800 L0 800 Z" fill="url(#table)"/>
    ${Array.from({ length: 10 }, (_, i) => `<path d="M0 ${490 + i * 32} Q400 ${470 + i * 33 + random() * 12} 800 ${480 + i * 31}" stroke="#3f2614" stroke-width="${(1 + random() * 2).toFixed(1)}" opacity="0.35" fill="none"/>`).join('')}
    <ellipse cx="430" cy="648" rx="250" ry="34" fill="#000" opacity="0.35"/>
    ${subject(kind, color, random)}
    <rect width="${SIZE}" height="${SIZE}" fill="url(#light)"/></svg>`
  // Film grain: deterministic noise, laid softly over the whole picture.
  const noise = Buffer.alloc(SIZE * SIZE)
  for (let i = 0; i < noise.length; i++) noise[i] = 128 + Math.round((random() - 0.5) * 60)
  const grain = await sharp(noise, { raw: { width: SIZE, height: SIZE, channels: 1 } })
    .toColourspace('b-w')
    .png()
    .toBuffer()
  const background = await sharp(Buffer.from(wall)).blur(18).png().toBuffer()
  return sharp(background)
    .composite([
      { input: Buffer.from(scene), blend: 'over' },
      { input: grain, blend: 'soft-light' },
    ])
    .jpeg({ quality: 78, mozjpeg: true })
    .toBuffer()
}
