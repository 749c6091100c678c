import { APIError, NotFound, type CollectionBeforeOperationHook, type PayloadRequest, type SanitizedConfig } from 'payload'
import { localize } from '../messages'
import type { ApiMessage } from './messages'

/**
 * Malformed REST requests that Payload would answer with a 500 (a stack trace in the log, "Something went
 * wrong" to the client) are refused with a 400 and a message instead: a body that is not a JSON object, or
 * nested absurdly deep; a filter operator given twice; the version history of a collection that keeps none;
 * e-mail verification of accounts that need none. A document id that cannot be one (`/api/tags/abc` where
 * ids are numbers) is not found, like any other missing document.
 */

const MAX_DEPTH = 64

const refuse = (req: PayloadRequest, message: ApiMessage) => new APIError(localize(req, message), 400, undefined, true)

/** Whether a value nests deeper than `max` (walked without recursion, so a hostile body cannot overflow the stack). */
const nestsDeeperThan = (value: unknown, max: number) => {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [current, depth] = stack.pop()!
    if (!current || typeof current !== 'object') continue
    if (depth > max) return true
    for (const child of Object.values(current)) if (child && typeof child === 'object') stack.push([child, depth + 1])
  }
  return false
}

/** Operators that take a list; every other operator takes one value. */
const LIST_OPERATORS = new Set(['in', 'not_in', 'all', 'near', 'within', 'intersects'])

/** The first operator in a `where` given several values where it takes one, e.g. `where[title][like]=a&where[title][like]=b`. */
const repeatedOperator = (where: unknown): string | null => {
  const stack: unknown[] = [where]
  while (stack.length) {
    const current = stack.pop()
    if (!current || typeof current !== 'object') continue
    for (const [key, value] of Object.entries(current)) {
      if (key === 'and' || key === 'or') {
        if (Array.isArray(value)) stack.push(...value)
        continue
      }
      if (Array.isArray(value) && !LIST_OPERATORS.has(key)) return key
      if (value && typeof value === 'object' && !Array.isArray(value)) stack.push(value)
    }
  }
  return null
}

const checkRequest: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  // Payload turns the path's id into a number where ids are numbers: "abc" arrives as NaN.
  const { id } = args as { id?: unknown }
  if (typeof id === 'number' && !Number.isSafeInteger(id)) throw new NotFound(req.t)
  if (operation === 'create' || operation === 'update') {
    const { data } = args as { data?: unknown }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw refuse(req, { code: 'api.notObject' })
    if (nestsDeeperThan(data, MAX_DEPTH)) throw refuse(req, { code: 'api.tooDeep', params: { max: MAX_DEPTH } })
  }
  const { where } = args as { where?: unknown }
  const repeated = where ? repeatedOperator(where) : null
  if (repeated) throw refuse(req, { code: 'api.repeatedOperator', params: { operator: repeated } })
  return args
}

/** Applies the guards above to every collection of the config. */
export const guardApi = (config: SanitizedConfig): SanitizedConfig => {
  for (const collection of config.collections) {
    collection.hooks.beforeOperation = [checkRequest, ...(collection.hooks.beforeOperation ?? [])]
    collection.endpoints = (collection.endpoints || []).filter(
      (endpoint) =>
        !(endpoint.path.startsWith('/versions') && !collection.versions) &&
        !(endpoint.path.startsWith('/verify') && !(collection.auth && collection.auth.verify)),
    )
  }
  // A body Payload cannot parse (or that overflows while it is read) is the client's mistake, not the server's.
  config.hooks.afterError = [
    ...(config.hooks.afterError ?? []),
    ({ error, req }) =>
      error instanceof SyntaxError || (error instanceof RangeError && /call stack/i.test(error.message))
        ? {
            status: 400,
            response: {
              errors: [{ message: localize(req, { code: 'api.invalidJson' }) }],
            },
          }
        : undefined,
  ]
  return config
}
