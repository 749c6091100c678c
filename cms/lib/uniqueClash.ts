import { ValidationError } from 'payload'

/** Whether saving failed because another record already holds this value of a unique field (any adapter, any language). */
export const isUniqueClash = (err: unknown, field: string) =>
  err instanceof ValidationError && err.data.errors.some((e) => e.path === field)
