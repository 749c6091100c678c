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

/** "+62 812-3456-7890" → "7890": the second factor of tracking a request. */
export const lastFourDigits = (phone: string) => phone.replace(/\D/g, '').slice(-4)
