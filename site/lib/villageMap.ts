/** A village where its settings place it (latitude and longitude, WGS 84). */
export type Located<V> = V & { latitude: number; longitude: number; kecamatan?: string | null }

export type MapPoint<V> = { village: Located<V>; x: number; y: number; marker: number }

export type VillageMap<V> = {
  width: number
  height: number
  points: MapPoint<V>[]
  /** The kecamatan in order, each with the marker (shape and colour) of its villages. */
  legend: { kecamatan: string | null; marker: number }[]
}

/** Villages a few hundred metres apart still get a map that separates them: at least this many degrees of span. */
const MIN_SPAN = 0.02
const MARGIN = 16
/** Room to the right of the easternmost village for its name. */
const LABEL_ROOM = 120

/**
 * Where each village is drawn on a map `width` wide (no tiles: the points on a plain plane, so the page needs no other
 * host). Longitude is scaled by the cosine of the mean latitude (an equirectangular projection, true enough over a
 * regency), north up, with room for the names on the right; the height follows from the villages' extent, at most
 * `maxHeight`.
 */
export const villageMap = <V>(villages: Located<V>[], width = 400, maxHeight = 300): VillageMap<V> | null => {
  if (!villages.length) return null
  const lats = villages.map((v) => v.latitude)
  const lons = villages.map((v) => v.longitude)
  const [south, north, west, east] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)]
  const squeeze = Math.cos((((north + south) / 2) * Math.PI) / 180)
  const latSpan = Math.max(north - south, MIN_SPAN)
  const lonSpan = Math.max((east - west) * squeeze, MIN_SPAN)
  const scale = Math.min((width - 2 * MARGIN - LABEL_ROOM) / lonSpan, (maxHeight - 2 * MARGIN) / latSpan)
  const height = Math.round(latSpan * scale + 2 * MARGIN)
  // Centred on the villages: a lone village (or a line of them) sits in the middle, not on an edge.
  const offsetX = (width - LABEL_ROOM - (east - west) * squeeze * scale) / 2
  const offsetY = (height - (north - south) * scale) / 2
  const kecamatan = [...new Set(villages.map((v) => v.kecamatan?.trim() || null))]
  return {
    width,
    height,
    points: villages.map((village) => ({
      village,
      x: Math.round(offsetX + (village.longitude - west) * squeeze * scale),
      y: Math.round(offsetY + (north - village.latitude) * scale),
      marker: kecamatan.indexOf(village.kecamatan?.trim() || null),
    })),
    legend: kecamatan.map((name, marker) => ({ kecamatan: name, marker })),
  }
}
