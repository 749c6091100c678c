/** JSON for a `<script type="application/ld+json">` block; `<` is escaped so text cannot end the block. */
export const jsonLd = (data: unknown) => JSON.stringify(data).replace(/</g, '\\u003c')

/** The public origin: PUBLIC_URL when set (behind a proxy), else the request's own. */
export const publicOrigin = (url: URL) => (process.env.PUBLIC_URL || url.origin).replace(/\/+$/, '')
