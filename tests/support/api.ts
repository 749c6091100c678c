import type { BrowserContext } from 'playwright-core'
import type { Role } from '../../cms/access/roles'

/** The password of every staff account the tests create. */
export const PASSWORD = 'kata-sandi-rahasia-123'

/** A request body: sent as it is (a form, a string), or as JSON (any other object). */
type Body = BodyInit | object

/** The REST API of a running server, as one signed-in account (or anonymously) uses it. */
export type ApiClient = {
  /** The response to a request (paths start at the server's root: `/api/users`, `/media/x.jpg`). */
  request: (method: string, path: string, body?: Body, headers?: Record<string, string>) => Promise<Response>
  /** The JSON answer (of the type given) to a request that must succeed: anything but 2xx throws with the status and the answer. */
  get: <T = unknown>(path: string) => Promise<T>
  post: <T = unknown>(path: string, body: Body) => Promise<T>
  patch: <T = unknown>(path: string, body: Body) => Promise<T>
  delete: <T = unknown>(path: string) => Promise<T>
  /** Signs a browser context in as this client's account (the admin's session cookie); anonymous: nothing. */
  addCookieTo: (context: BrowserContext) => Promise<void>
}

type Session = { token: string; user: { id: number; email: string; role: Role } }

/** A client signed in as an account: its session token (sent as `Authorization: JWT …`) and the account. */
export type SignedIn = ApiClient & Session

/** A staff account by role (`ROLE@desa.test` unless an email is given), or the credentials of an existing account. */
export type Account = Role | { role: Role; name?: string; email?: string; producer?: number } | { email: string; password: string }

type Server = { url: string }

const isSentAsIs = (body: Body | undefined): body is BodyInit | undefined =>
  body === undefined ||
  typeof body === 'string' ||
  body instanceof FormData ||
  body instanceof URLSearchParams ||
  body instanceof Blob ||
  body instanceof ArrayBuffer ||
  body instanceof ReadableStream

/** An anonymous client of the server's API. */
export function apiClient(server: Server): ApiClient
/** A client of the server's API signed in with the session. */
export function apiClient(server: Server, session: Session): SignedIn
export function apiClient(server: Server, session?: Session): ApiClient {
  const request: ApiClient['request'] = (method, path, body, headers = {}) =>
    fetch(server.url + path, {
      method,
      headers: {
        ...(isSentAsIs(body) ? {} : { 'Content-Type': 'application/json' }),
        ...(session ? { Authorization: `JWT ${session.token}` } : {}),
        ...headers,
      },
      body: isSentAsIs(body) ? body : JSON.stringify(body),
    })
  const succeeding =
    (method: string) =>
    async <T>(path: string, body?: Body): Promise<T> => {
      const res = await request(method, path, body)
      if (!res.ok) throw new Error(`${method} ${path}${session ? ` as ${session.user.email}` : ''}: ${res.status} ${await res.text()}`)
      return (await res.json()) as T
    }
  return {
    ...session,
    request,
    get: succeeding('GET'),
    post: succeeding('POST'),
    patch: succeeding('PATCH'),
    delete: succeeding('DELETE'),
    addCookieTo: async (context) => {
      if (session) await context.addCookies([{ name: 'payload-token', value: session.token, url: server.url }])
    },
  }
}

const sessionOf = async (res: Response, what: string): Promise<Session> => {
  if (!res.ok) throw new Error(`${what}: ${res.status} ${await res.text()}`)
  const { token, user } = (await res.json()) as Session
  return { token, user }
}

const logIn = async (server: Server, email: string, password: string) =>
  sessionOf(await apiClient(server).request('POST', '/api/users/login', { email, password }), `Signing in as ${email}`)

/** The first account of a fresh database is registered (it becomes the administrator); later ones sign in. */
const registerFirstOrLogIn = async (server: Server, email: string, password: string, name: string) => {
  const anonymous = apiClient(server)
  const { initialized } = await anonymous.get<{ initialized: boolean }>('/api/users/init')
  if (initialized) return logIn(server, email, password)
  const registered = await anonymous.request('POST', '/api/users/first-register', { email, password, name })
  return sessionOf(registered, `Registering ${email} as the first account`)
}

/**
 * Signs in to the server's REST API and returns a client for it. The administrator (`admin@desa.test`) is
 * registered as the first account of a fresh database; other roles are created by the administrator when
 * missing. Credentials sign in as they are (registered as the first account of a fresh database).
 */
export const signIn = async (server: Server, account: Account): Promise<SignedIn> => {
  if (typeof account === 'object' && 'password' in account)
    return apiClient(server, await registerFirstOrLogIn(server, account.email, account.password, account.email.split('@')[0]))
  const { role, name, email, producer } = typeof account === 'string' ? { role: account } : account
  const address = email ?? `${role}@desa.test`
  const shown = name ?? role.charAt(0).toUpperCase() + role.slice(1)
  if (address === 'admin@desa.test') return apiClient(server, await registerFirstOrLogIn(server, address, PASSWORD, shown))
  const admin = await signIn(server, 'admin')
  const existing = await admin.get<{ totalDocs: number }>(`/api/users?where[email][equals]=${encodeURIComponent(address)}&limit=0`)
  if (!existing.totalDocs) await admin.post('/api/users', { email: address, password: PASSWORD, name: shown, role, producer })
  return apiClient(server, await logIn(server, address, PASSWORD))
}

/** Where the API keeps the settings of the village a client's host serves (one document per village). */
export const settingsPath = async (client: ApiClient) =>
  `/api/settings/${(await client.get<{ docs: { id: number }[] }>('/api/settings?limit=1&depth=0')).docs[0].id}`
