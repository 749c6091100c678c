import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type StripeCall = { method: string; path: string; params: URLSearchParams; idempotencyKey?: string; auth?: string }

/**
 * A small local stand-in for Stripe's HTTP API, speaking its wire format (form-encoded requests, JSON
 * objects and errors, Idempotency-Key replay) for the two endpoints we call: Checkout Sessions and Refunds.
 */
export const startFakeStripe = async (options: { failWith?: number } = {}) => {
  const calls: StripeCall[] = []
  const replays = new Map<string, string>()
  let counter = 0
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      const call: StripeCall = {
        method: req.method ?? '',
        path: req.url ?? '',
        params: new URLSearchParams(body),
        idempotencyKey: req.headers['idempotency-key'] as string | undefined,
        auth: req.headers.authorization,
      }
      calls.push(call)
      const send = (status: number, json: unknown) => {
        const text = JSON.stringify(json)
        if (call.idempotencyKey && status < 500) replays.set(call.idempotencyKey, text)
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${counter}` }).end(text)
      }
      if (options.failWith) return send(options.failWith, { error: { type: 'api_error', message: 'Fake Stripe is down' } })
      if (call.idempotencyKey && replays.has(call.idempotencyKey)) {
        return res
          .writeHead(200, { 'content-type': 'application/json', 'idempotent-replayed': 'true' })
          .end(replays.get(call.idempotencyKey))
      }
      counter += 1
      if (call.method === 'POST' && call.path === '/v1/checkout/sessions') {
        const id = `cs_test_${counter}`
        return send(200, {
          id,
          object: 'checkout.session',
          mode: 'payment',
          status: 'open',
          payment_status: 'unpaid',
          currency: 'idr',
          locale: call.params.get('locale'),
          client_reference_id: call.params.get('client_reference_id'),
          expires_at: Number(call.params.get('expires_at')),
          metadata: { orderId: call.params.get('metadata[orderId]'), orderNumber: call.params.get('metadata[orderNumber]') },
          url: `https://checkout.stripe.test/c/pay/${id}`,
        })
      }
      if (call.method === 'POST' && call.path === '/v1/refunds') {
        return send(200, {
          id: `re_${counter}`,
          object: 'refund',
          status: 'succeeded',
          payment_intent: call.params.get('payment_intent'),
          currency: 'idr',
        })
      }
      send(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${call.method}: ${call.path})` } })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { calls, port, url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}
