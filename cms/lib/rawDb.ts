import type { Payload } from 'payload'

/**
 * The database below Payload, for the few writes that must happen as one: stock taken together with the
 * order line that records it, a request marked complete. Payload's own SQLite transactions cannot be used
 * (an interactive transaction takes the only connection and concurrent requests then fight over a second one).
 */

type Statement = { sql: string; args: (string | number)[] }
type Row = Record<string, unknown>
type SqliteClient = {
  batch: (statements: Statement[], mode: 'write') => Promise<{ rowsAffected: number }[]>
  execute: (statement: Statement) => Promise<{ rows: Row[] }>
}

const sqliteClient = (payload: Payload) => (payload.db as unknown as { client: SqliteClient }).client

export const isMongo = (payload: Payload) => payload.db.name === 'mongoose'

/**
 * Runs the statements in ONE SQLite transaction. The local libsql client runs a batch synchronously on its
 * connection, so no other statement can come in between; a kill leaves all of them written or none.
 * Returns how many rows each statement changed.
 */
export const sqliteBatch = async (payload: Payload, statements: Statement[]): Promise<number[]> => {
  return (await sqliteClient(payload).batch(statements, 'write')).map((result) => result.rowsAffected)
}

/** One SQLite statement (a single statement is atomic on its own); returns the rows it selected or RETURNed. */
export const sqliteExecute = async (payload: Payload, sql: string, args: (string | number)[]): Promise<Row[]> =>
  (await sqliteClient(payload).execute({ sql, args })).rows
