/**
 * The shop's limits against hoarding, from the environment (all optional): how many units one line and one
 * order may take, and how long stock waits for a manual payment. An unverified order (no receipt yet,
 * cash not yet confirmed by staff) is held briefly; a receipt extends the hold while staff check it, and
 * staff packing an order stop its clock.
 */
export type ShopLimits = { maxUnitsPerLine: number; maxUnitsPerOrder: number; unverifiedHoldMinutes: number; proofHoldHours: number }

const positive = (name: string, fallback: number) => {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1 (it is "${raw}").`)
  return value
}

export const shopLimits = (): ShopLimits => ({
  maxUnitsPerLine: positive('SHOP_MAX_UNITS_PER_LINE', 20),
  maxUnitsPerOrder: positive('SHOP_MAX_UNITS_PER_ORDER', 50),
  unverifiedHoldMinutes: positive('SHOP_UNVERIFIED_HOLD_MINUTES', 120),
  proofHoldHours: positive('SHOP_PROOF_HOLD_HOURS', 24),
})
