/** JSON for a `<script type="application/ld+json">` block; `<` is escaped so text cannot end the block. */
export const jsonLd = (data: unknown) => JSON.stringify(data).replace(/</g, '\\u003c')
