/** A Kemendagri village code: province, regency, district, village (e.g. 64.09.01.2001). */
const VILLAGE_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/
/** A host name as a browser sends it: labels of letters, digits and hyphens. */
const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/
/** A slug: lower-case letters and digits, words joined by single hyphens. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export const isVillageCode = (value: string) => VILLAGE_CODE.test(value)
export const isHostName = (value: string) => HOST.test(value)
export const isVillageSlug = (value: string) => SLUG.test(value)
