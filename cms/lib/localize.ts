export type Localized = { id: string; en: string }

/**
 * A label in both admin languages, in the shape Payload takes and translates itself with the editor's
 * language: collection, field and option names that only staff read. Messages (refusals, emails, anything
 * with values in it) and names residents or buyers also read live in the catalogues (cms/messages.ts).
 */
export const L = (id: string, en: string): Localized => ({ id, en })
