export type ShippingZone = { name: string; provinces: string[]; baseFee: number; perKgFee: number }

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

/** The zone serving a province: the one naming it, else the fallback zone (no provinces), else none. */
export const zoneFor = (zones: ShippingZone[], province: string): ShippingZone | null =>
  zones.find((z) => z.provinces.some((p) => same(p, province))) ?? zones.find((z) => z.provinces.length === 0) ?? null

/** Courier fee: the zone's base fee plus its fee for every started kilogram. */
export const shippingFee = (zone: ShippingZone, grams: number) => zone.baseFee + zone.perKgFee * Math.max(1, Math.ceil(grams / 1000))
