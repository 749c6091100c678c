import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type StripeCall = {
  method: string
  path: string
  params: URLSearchParams
  idempotencyKey?: string
  auth?: string
  /** The connected account the call is made on (the Stripe-Account header), none for the platform's own. */
  account?: string
}

/** The platform's own account, in the fake's per-account books. */
const PLATFORM = 'platform'

/**
 * A small local stand-in for Stripe's HTTP API, speaking its wire format (form-encoded requests, JSON
 * objects and errors, Idempotency-Key replay) for the two endpoints we call: Checkout Sessions and Refunds.
 * Each account keeps its own objects and idempotency keys, as at Stripe: a call with the Stripe-Account header
 * (Stripe Connect) is made on that connected account.
 */
export const startFakeStripe = async (options: { failWith?: number } = {}) => {
  const calls: StripeCall[] = []
  const replays = new Map<string, string>()
  const sessions = new Map<string, string[]>()
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
        account: req.headers['stripe-account'] as string | undefined,
      }
      calls.push(call)
      const book = call.account ?? PLATFORM
      const replayKey = call.idempotencyKey && `${book}:${call.idempotencyKey}`
      const send = (status: number, json: unknown) => {
        const text = JSON.stringify(json)
        if (replayKey && status < 500) replays.set(replayKey, text)
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${counter}` }).end(text)
      }
      if (options.failWith) return send(options.failWith, { error: { type: 'api_error', message: 'Fake Stripe is down' } })
      if (replayKey && replays.has(replayKey)) {
        return res.writeHead(200, { 'content-type': 'application/json', 'idempotent-replayed': 'true' }).end(replays.get(replayKey))
      }
      counter += 1
      if (call.method === 'POST' && call.path === '/v1/checkout/sessions') {
        const id = `cs_test_${counter}`
        sessions.set(book, [...(sessions.get(book) ?? []), id])
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
  return {
    calls,
    /** The Checkout Sessions created on a connected account, or on the platform's own (no account). */
    sessionsOn: (account?: string) => sessions.get(account ?? PLATFORM) ?? [],
    port,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
