import http from 'node:http'

export type HostAnswer = { status: number; body: string; headers: http.IncomingHttpHeaders }

/** A request to the server at `url` as a browser sends it to `host` (every *.localhost name is this machine). */
export const requestOnHost = (
  url: string,
  host: string,
  path: string,
  {
    method = 'GET',
    form,
    cookie,
    headers = {},
  }: { method?: string; form?: Record<string, string>; cookie?: string; headers?: Record<string, string> } = {},
) =>
  new Promise<HostAnswer>((resolve, reject) => {
    const { port } = new URL(url)
    const body = form ? new URLSearchParams(form).toString() : undefined
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        headers: {
          host: `${host}:${port}`,
          ...(body && { 'content-type': 'application/x-www-form-urlencoded', origin: `http://${host}:${port}` }),
          ...(cookie && { cookie }),
          ...headers,
        },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
