import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** A template message as the Cloud API received it. */
export type WhatsappCall = {
  path: string
  authorization?: string
  to: string
  template: string
  language: string
  /** The body component's text parameters, in order. */
  parameters: string[]
  body: Record<string, unknown>
}

type Answer = { status: number; json: unknown }

/**
 * A local stand-in for the WhatsApp Business Cloud API's HTTP edge (graph.facebook.com): POST
 * /{version}/{phone-number-id}/messages with a bearer token and a JSON message; it answers as the Graph API does,
 * { messaging_product, contacts: [{ input, wa_id }], messages: [{ id: "wamid…" }] }, or an error object
 * { error: { message, type, code, error_data: { details }, fbtrace_id } } (401 for a wrong token, 404 for
 * another phone number ID). `failNext` queues answers for the next calls (a 500, a permanent 400…).
 */
export const startFakeWhatsapp = async (account: { token: string; phoneNumberId: string }) => {
  const calls: WhatsappCall[] = []
  const failures: Answer[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const send = ({ status, json }: Answer) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json))
      const graphError = (status: number, code: number, message: string, details?: string) =>
        send({
          status,
          json: {
            error: { message, type: 'OAuthException', code, error_data: { messaging_product: 'whatsapp', details }, fbtrace_id: 'Afake' },
          },
        })
      let body: Record<string, unknown>
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>
      } catch {
        return graphError(400, 100, '(#100) Invalid parameter', 'The request body is not JSON.')
      }
      const template = (body.template ?? {}) as { name?: string; language?: { code?: string }; components?: unknown[] }
      const bodyComponent = (template.components ?? []).find((c) => (c as { type?: string }).type === 'body') as
        { parameters?: { text?: string }[] } | undefined
      calls.push({
        path: req.url ?? '',
        authorization: req.headers.authorization,
        to: String(body.to ?? ''),
        template: template.name ?? '',
        language: template.language?.code ?? '',
        parameters: (bodyComponent?.parameters ?? []).map((p) => p.text ?? ''),
        body,
      })
      const route = /^\/v\d+\.\d+\/([^/]+)\/messages$/.exec(req.url ?? '')
      if (req.method !== 'POST' || !route) return graphError(400, 100, 'Unsupported request', `${req.method} ${req.url}`)
      if (req.headers.authorization !== `Bearer ${account.token}`)
        return graphError(401, 190, 'Invalid OAuth access token - Cannot parse access token')
      if (route[1] !== account.phoneNumberId)
        return graphError(400, 100, `Unsupported post request. Object with ID '${route[1]}' does not exist`)
      const failure = failures.shift()
      if (failure) return send(failure)
      if (body.messaging_product !== 'whatsapp' || body.type !== 'template' || !template.name || !template.language?.code)
        return graphError(400, 100, '(#100) Invalid parameter')
      send({
        status: 200,
        json: {
          messaging_product: 'whatsapp',
          contacts: [{ input: body.to, wa_id: body.to }],
          messages: [{ id: `wamid.fake${calls.length}`, message_status: 'accepted' }],
        },
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    /** The next call gets this answer instead of being sent. */
    failNext: (answer: Answer) => void failures.push(answer),
    /** The Graph API's answer to a template that is not approved in that language (error 132001). */
    templateMissing: (): Answer => ({
      status: 400,
      json: {
        error: {
          message: '(#132001) Template name does not exist in the translation',
          type: 'OAuthException',
          code: 132001,
          error_data: { messaging_product: 'whatsapp', details: 'template name (desa_status) does not exist in id' },
          fbtrace_id: 'Afake',
        },
      },
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
