import { describe, expect, it } from 'vitest'
import { villageMap } from '../../site/lib/villageMap'

const village = (name: string, latitude: number, longitude: number, kecamatan: string | null) => ({ name, latitude, longitude, kecamatan })

describe("the regency portal's map of its villages", () => {
  it('puts north up and east right, inside the drawing, with one marker per kecamatan', () => {
    const map = villageMap([
      village('Sukamaju', -0.45, 117.05, 'Loa Sentosa'),
      village('Sungai Lestari', -0.55, 117.15, 'Loa Sentosa'),
      village('Batu Ampar', -0.4, 117.25, 'Tenggarong Seberang'),
    ])!
    const [sukamaju, lestari, batu] = map.points
    expect(batu.x).toBeGreaterThan(lestari.x)
    expect(lestari.x).toBeGreaterThan(sukamaju.x)
    expect(batu.y).toBeLessThan(sukamaju.y)
    expect(sukamaju.y).toBeLessThan(lestari.y)
    for (const p of map.points) {
      expect(p.x).toBeGreaterThanOrEqual(0)
      // The name written to the right of the point stays inside the drawing.
      expect(p.x + 120).toBeLessThanOrEqual(map.width)
      expect(p.y).toBeGreaterThanOrEqual(0)
      expect(p.y).toBeLessThanOrEqual(map.height)
    }
    expect(map.points.map((p) => p.marker)).toEqual([0, 0, 1])
    expect(map.legend).toEqual([
      { kecamatan: 'Loa Sentosa', marker: 0 },
      { kecamatan: 'Tenggarong Seberang', marker: 1 },
    ])
  })

  it('keeps distances true: a degree of longitude near the equator is as wide as a degree of latitude is tall', () => {
    const map = villageMap([village('A', 0, 117, null), village('B', 0.1, 117.1, null)])!
    const [a, b] = map.points
    expect(Math.abs(b.x - a.x)).toBeCloseTo(Math.abs(b.y - a.y), -1)
  })

  it('centres a lone village (leaving room for its name), and draws nothing without a placed village', () => {
    const map = villageMap([village('A', -0.5, 117, null)])!
    expect(map.points[0].y).toBe(map.height / 2)
    expect(map.points[0].x).toBeLessThan(map.width / 2)
    expect(map.points[0].x).toBeGreaterThan(map.width / 4)
    expect(villageMap([])).toBeNull()
  })
})
