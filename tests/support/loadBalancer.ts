import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type LoadBalancer = { url: string; close: () => void }

/**
 * A small reverse proxy on loopback, as a load balancer in front of app instances: each request goes to the next
 * instance in turn (`targets` is read per request, so a restarted instance's new address is used), with the
 * client's address appended to X-Forwarded-For. `from` is the address it connects to the instances from (the
 * address to list in TRUSTED_PROXIES). With `forwardHost` it sends requests on under the instance's own host and
 * names the visitor's in X-Forwarded-Host (nginx: `proxy_set_header X-Forwarded-Host $host;`).
 */
export const startLoadBalancer = (targets: () => string[], { from, forwardHost = false }: { from?: string; forwardHost?: boolean } = {}) =>
  new Promise<LoadBalancer>((resolve) => {
    let next = 0
    const server = http.createServer((req, res) => {
      const all = targets()
      const target = new URL(all[next++ % all.length])
      const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ')
      const upstream = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          localAddress: from,
          headers: {
            ...req.headers,
            'x-forwarded-for': forwarded,
            ...(forwardHost && { host: target.host, 'x-forwarded-host': req.headers.host }),
          },
        },
        (answer) => {
          res.writeHead(answer.statusCode!, answer.headers)
          answer.pipe(res)
        },
      )
      upstream.on('error', () => res.destroy())
      req.pipe(upstream)
    })
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() }),
    )
  })
