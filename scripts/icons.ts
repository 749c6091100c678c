import { mkdirSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

/**
 * Draws the app icons in public/icons (committed; run again only when the design changes):
 * a house under a rice-field sun in the site's colours. The maskable icon keeps the drawing inside
 * the central 80% safe zone that launchers may crop to a circle.
 */
const drawing = (scale: number) => `
  <g transform="translate(256 256) scale(${scale}) translate(-256 -256)">
    <circle cx="256" cy="170" r="62" fill="#f2c14e"/>
    <path d="M96 300 L256 170 L416 300 Z" fill="#f7f3ea"/>
    <rect x="140" y="296" width="232" height="140" rx="8" fill="#f7f3ea"/>
    <rect x="232" y="350" width="48" height="86" rx="6" fill="#0f5f7a"/>
  </g>`

const svg = (maskable: boolean) =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
    ${maskable ? '<rect width="512" height="512" fill="#0b5d3b"/>' : '<rect width="512" height="512" rx="96" fill="#0b5d3b"/>'}
    ${drawing(maskable ? 0.72 : 0.92)}
  </svg>`)

const dir = path.resolve('public/icons')
mkdirSync(dir, { recursive: true })
await sharp(svg(false)).resize(192, 192).png({ compressionLevel: 9 }).toFile(path.join(dir, 'icon-192.png'))
await sharp(svg(false)).resize(512, 512).png({ compressionLevel: 9 }).toFile(path.join(dir, 'icon-512.png'))
await sharp(svg(true)).resize(512, 512).png({ compressionLevel: 9 }).toFile(path.join(dir, 'maskable-512.png'))
console.log(`Icons written to ${dir}`)
