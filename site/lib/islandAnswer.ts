/**
 * A page whose form an island posts (site/islands/post.ts) answers it with data instead of HTML: the same
 * action ran and the same refusal was made, only the island shows it in place. A post without JavaScript,
 * or from an older page, gets the HTML page as always.
 */
export const wantsData = (request: Request) => request.method === 'POST' && request.headers.get('accept') === 'application/json'

/** The page's answer to an island, with the status the page would have had; never kept by a cache. */
export const dataAnswer = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  })
