// Kysely builds and compiles every query anew, which on the capture path costs more than the
// database takes to run it. A capture's queries repeat their shape while their values change,
// so each shape's SQL is compiled once and run again with the new values.
import { CompiledQuery, type Compilable, type QueryResult } from 'kysely';
import type { Executor } from './transaction.js';

/** Per dialect adapter (the SQL text differs): shape -> SQL, or null for a shape not to cache. */
const compiledShapes = new WeakMap<object, Map<string, string | null>>();

/**
 * Runs the query `build` makes, compiling it only the first time `shape` is seen. `params` are
 * the values `build` binds, in the order the SQL binds them; the first compilation checks that,
 * and a shape whose parameters differ is never cached (it still runs, compiled each time).
 */
export async function runShaped<R>(db: Executor, shape: string, params: readonly unknown[], build: () => Compilable<R>): Promise<QueryResult<R>> {
  const adapter = db.getExecutor().adapter;
  let shapes = compiledShapes.get(adapter);
  if (!shapes) compiledShapes.set(adapter, (shapes = new Map()));
  const known = shapes.get(shape);
  if (known) return db.executeQuery<R>(CompiledQuery.raw(known, params as unknown[]));
  const query = build().compile();
  if (known === undefined && shapes.size < 1000) shapes.set(shape, sameValues(query.parameters, params) ? query.sql : null);
  return db.executeQuery<R>(query);
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** A row without its undefined values (Kysely leaves such columns out), and its shape. */
export function definedColumns<T extends object>(row: T): { row: T; columns: string[]; values: unknown[] } {
  const columns: string[] = [];
  const values: unknown[] = [];
  const clean = {} as Record<string, unknown>;
  for (const [k, v] of Object.entries(row)) {
    if (v === undefined) continue;
    columns.push(k);
    values.push(v);
    clean[k] = v;
  }
  return { row: clean as T, columns, values };
}
