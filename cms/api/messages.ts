import type { MessageOf } from '../lib/messages'

/** Why a malformed API request is refused (cms/api/guards.ts). */
export const id = {
  'api.notObject': 'Isi permintaan harus berupa objek JSON.',
  'api.tooDeep': 'Isi permintaan bersarang terlalu dalam (lebih dari {max} tingkat).',
  'api.repeatedOperator': 'Penyaring "{operator}" diberikan lebih dari sekali.',
  'api.invalidJson': 'Isi permintaan bukan JSON yang sah.',
} as const

export const en: Record<keyof typeof id, string> = {
  'api.notObject': 'The request body must be a JSON object.',
  'api.tooDeep': 'The request body nests too deep (over {max} levels).',
  'api.repeatedOperator': 'The filter operator "{operator}" was given more than once.',
  'api.invalidJson': 'The request body is not valid JSON.',
}

export type ApiMessage = MessageOf<{ id: typeof id; en: typeof en }>
