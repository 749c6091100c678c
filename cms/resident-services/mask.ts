/** "Siti Aminah Rahmawati" → "Si** Am**** Ra*******": enough to recognise one's own request, not to identify a person. */
export const maskName = (name: string): string =>
  name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.slice(0, 2) + '*'.repeat(Math.max(word.length - 2, 1)))
    .join(' ')

/** "6401011234567890" → "640101******7890". */
export const maskNik = (nik: string): string => (nik.length === 16 ? `${nik.slice(0, 6)}******${nik.slice(12)}` : '****************')

/** Digits only, with an Indonesian 0 prefix turned into 62: "0812-3456 7890" → "6281234567890". */
export const normalizePhone = (phone: string): string => {
  const digits = phone.replace(/\D/g, '')
  return digits.startsWith('0') ? `62${digits.slice(1)}` : digits
}

export const lastFourDigits = (phone: string) => normalizePhone(phone).slice(-4)
