export const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')

/** RFC 2822 date, as RSS wants it (always in GMT). */
export const rfc2822 = (date: Date) => date.toUTCString().replace('GMT', '+0000')
