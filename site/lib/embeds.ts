const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** An embed block as a link card: the title (or the site's name) and the host it leads to. */
export const embedHtml = ({ url, title }: { url?: string; title?: string | null }) => {
  if (!url || !/^https:\/\//.test(url)) return ''
  const host = new URL(url).hostname.replace(/^www\./, '')
  return `<p class="embed"><a href="${escape(url)}" rel="noopener">${escape(title || host)}</a> <small>(${escape(host)})</small></p>`
}
