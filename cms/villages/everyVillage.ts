/**
 * The collections whose documents the regency may publish to every village's site (OpenKab's regency articles),
 * and the field that says so: such a document is read on every village's site and changes every village's lists.
 */
export const SHARED_WITH_EVERY_VILLAGE: Readonly<Record<string, string>> = { news: 'forEveryVillage' }
