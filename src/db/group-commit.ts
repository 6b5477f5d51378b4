// Group commit for the embedded SQLite database. A durable acknowledgement costs an fsync; one
// per capture caps the file at a few thousand leads a second. So every capture waiting at the
// same moment runs in one transaction, each in its own savepoint (one failing capture rolls back
// alone), and one COMMIT (one fsync) makes the whole batch durable. No capture is answered before
// the commit that holds it has returned.
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.js';

type Work<T> = (trx: Transaction<DB>) => Promise<T>;

const SAVEPOINT = CompiledQuery.raw('savepoint capture');
const RELEASE = CompiledQuery.raw('release capture');
const ROLLBACK_TO = CompiledQuery.raw('rollback to capture');

interface Pending {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

/** Large enough for every connection a busy node has; a longer queue waits for the next batch. */
const MAX_BATCH = 512;

export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  private running = false;

  constructor(private readonly db: Kysely<DB>) {}

  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      this.schedule();
    });
  }

  // setImmediate runs after the I/O of this turn of the event loop: every request that arrived
  // together has queued its capture by then.
  private schedule(): void {
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    this.running = true;
    try {
      while (this.queue.length) await this.commitBatch(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.running = false;
      if (this.queue.length) this.schedule();
    }
  }

  private async commitBatch(batch: Pending[]): Promise<void> {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; err: unknown })[] = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const item of batch) {
          await trx.executeQuery(SAVEPOINT);
          try {
            const value = await item.work(trx);
            await trx.executeQuery(RELEASE);
            outcomes.push({ ok: true, value });
          } catch (err) {
            await trx.executeQuery(ROLLBACK_TO);
            await trx.executeQuery(RELEASE);
            outcomes.push({ ok: false, err });
          }
        }
      });
    } catch (err) {
      // The commit itself failed: nothing of the batch is stored, and nobody is told otherwise.
      for (const item of batch) item.reject(err);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.err);
    });
  }
}
