import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type XenditCall = {
  method: string
  path: string
  body: Record<string, unknown>
  idempotencyKey?: string
  forUserId?: string
  auth?: string
}

/** A payment request as the fake created it, in Xendit's wire format (snake_case JSON). */
export type FakePaymentRequest = {
  id: string
  /** The account it was made in: the sub-account named by for-user-id (xenPlatform), else the key owner's. */
  business_id: string
  reference_id: string
  amount: number
  currency: string
  status: string
  metadata: Record<string, unknown> | null
  payment_method: {
    id: string
    type: string
    virtual_account?: { channel_code: string; channel_properties: { virtual_account_number: string; expires_at?: string } }
    qr_code?: { channel_code: string; channel_properties: { qr_string: string; expires_at?: string } }
    ewallet?: { channel_code: string }
  }
  actions: { action: string; url_type: string; method: string; url: string; qr_code: null }[]
}

/** The business id of the key owner's own account at the fake. */
export const FAKE_BUSINESS = 'fake-business'

/**
 * A small local stand-in for Xendit's HTTP edge, speaking its wire format for the one endpoint we call,
 * Payment Requests (`POST /payment_requests`: Basic auth with the secret key, idempotency-key replay,
 * for-user-id for sub-accounts, JSON errors), and building the callbacks Xendit sends back for a payment,
 * which name the business (the sub-account, or the key owner's) the payment was made in.
 */
export const startFakeXendit = async (
  options: { failWith?: number; /** Answer only the first this many requests with a 503. */ failFirst?: number } = {},
) => {
  const calls: XenditCall[] = []
  const created = new Map<string, FakePaymentRequest>()
  const replays = new Map<string, string>()
  let counter = 0
  const server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (c) => (raw += c))
    req.on('end', () => {
      let body: Record<string, unknown>
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {}
      } catch {
        return res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error_code: 'API_VALIDATION_ERROR' }))
      }
      const call: XenditCall = {
        method: req.method ?? '',
        path: req.url ?? '',
        body,
        idempotencyKey: req.headers['idempotency-key'] as string | undefined,
        forUserId: req.headers['for-user-id'] as string | undefined,
        auth: req.headers.authorization,
      }
      calls.push(call)
      const send = (status: number, json: unknown) => {
        const text = JSON.stringify(json)
        if (call.idempotencyKey && status < 500) replays.set(call.idempotencyKey, text)
        res.writeHead(status, { 'content-type': 'application/json' }).end(text)
      }
      if (options.failWith) return send(options.failWith, { error_code: 'SERVER_ERROR', message: 'Fake Xendit is down' })
      if (options.failFirst && calls.length <= options.failFirst)
        return res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error_code: 'SERVER_ERROR' }))
      if (!call.auth?.startsWith('Basic ')) return send(401, { error_code: 'INVALID_API_KEY', message: 'No API key' })
      if (call.idempotencyKey && replays.has(call.idempotencyKey))
        return res.writeHead(200, { 'content-type': 'application/json' }).end(replays.get(call.idempotencyKey))
      if (call.method === 'POST' && call.path === '/payment_requests') {
        counter += 1
        const method = body.payment_method as {
          type: string
          virtual_account?: { channel_code: string; channel_properties: { expires_at?: string } }
          qr_code?: { channel_code: string; channel_properties?: { expires_at?: string } }
          ewallet?: { channel_code: string; channel_properties?: { success_return_url?: string; mobile_number?: string } }
        }
        const id = `pr-fake-${counter}`
        const pm: FakePaymentRequest['payment_method'] = { id: `pm-fake-${counter}`, type: method.type }
        const actions: FakePaymentRequest['actions'] = []
        if (method.type === 'VIRTUAL_ACCOUNT' && method.virtual_account)
          pm.virtual_account = {
            channel_code: method.virtual_account.channel_code,
            channel_properties: {
              virtual_account_number: `88${String(900000 + counter).padStart(8, '0')}${counter % 10}`,
              expires_at: method.virtual_account.channel_properties.expires_at,
            },
          }
        else if (method.type === 'QR_CODE' && method.qr_code)
          pm.qr_code = {
            channel_code: method.qr_code.channel_code,
            channel_properties: {
              qr_string: `00020101021226590013ID.CO.XENDIT.WWW0118936000000000000${counter}5204599953033605405${body.amount}5802ID5907XENDIT6007JAKARTA6304ABCD`,
              expires_at: method.qr_code.channel_properties?.expires_at,
            },
          }
        else if (method.type === 'EWALLET' && method.ewallet) {
          pm.ewallet = { channel_code: method.ewallet.channel_code }
          if (method.ewallet.channel_code !== 'OVO')
            actions.push({
              action: 'AUTH',
              url_type: 'MOBILE',
              method: 'GET',
              url: `https://ewallet.xendit.test/${method.ewallet.channel_code.toLowerCase()}/${id}`,
              qr_code: null,
            })
        } else return send(400, { error_code: 'API_VALIDATION_ERROR', message: 'Unsupported payment method' })
        const request: FakePaymentRequest = {
          id,
          business_id: call.forUserId ?? FAKE_BUSINESS,
          reference_id: String(body.reference_id),
          amount: Number(body.amount),
          currency: String(body.currency),
          status: actions.length ? 'REQUIRES_ACTION' : 'PENDING',
          metadata: (body.metadata as Record<string, unknown>) ?? null,
          payment_method: pm,
          actions,
        }
        created.set(id, request)
        const now = new Date().toISOString()
        return send(201, {
          ...request,
          created: now,
          updated: now,
          country: 'ID',
          payment_method: { ...pm, reusability: 'ONE_TIME_USE', status: 'ACTIVE', created: now, updated: now },
        })
      }
      send(404, { error_code: 'NOT_FOUND', message: `No route ${call.method} ${call.path}` })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  let paymentCounter = 0

  /** The callback Xendit sends when a payment request is paid (`payment.succeeded`), with anything overridden. */
  const succeeded = (request: FakePaymentRequest, data: Record<string, unknown> = {}) => {
    paymentCounter += 1
    return {
      event: 'payment.succeeded',
      business_id: request.business_id,
      created: new Date().toISOString(),
      data: {
        id: `py-fake-${paymentCounter}`,
        payment_request_id: request.id,
        reference_id: request.reference_id,
        amount: request.amount,
        currency: request.currency,
        status: 'SUCCEEDED',
        payment_method: { id: request.payment_method.id, type: request.payment_method.type },
        metadata: request.metadata,
        ...data,
      },
    }
  }
  /** The callback Xendit sends when a payment request's VA or QR code runs out (`payment_method.expired`). */
  const expired = (request: FakePaymentRequest) => ({
    event: 'payment_method.expired',
    business_id: request.business_id,
    created: new Date().toISOString(),
    data: { id: request.payment_method.id, type: request.payment_method.type, status: 'EXPIRED', reference_id: request.reference_id },
  })
  /** Sends a callback to the app as Xendit does: a JSON POST with the x-callback-token header. */
  const deliver = (url: string, token: string | null, body: unknown) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token === null ? {} : { 'x-callback-token': token }) },
      body: JSON.stringify(body),
    })
  return {
    calls,
    /** The payment request created for an order number. */
    requestFor: (reference: string) => [...created.values()].find((r) => r.reference_id === reference),
    succeeded,
    expired,
    deliver,
    port,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
