// Reading the capture log: what every capture request asked and what it was answered, accepted
// or rejected, newest first. A rejected lead's payload is here to be fixed and sent again.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { deleteOldestBefore, lastIdBefore, listCaptureLog } from '../capture/capture-log-repository.js';
import { inTransaction } from '../db/transaction.js';
import { encodeCursor, idBeforeCursor } from '../paging/id-cursor.js';
import { describeCaptureLogEntry, type CaptureLogEntryJson } from './capture-log-view.js';

export const MAX_LOG_PAGE = 100;
const DEFAULT_LOG_PAGE = 25;

export interface CaptureLogQuery {
  outcome?: string;
  limit?: number;
  cursor?: string;
}

/** Rows per delete: each batch is its own short transaction, so a running server keeps committing. */
const PRUNE_BATCH = 5_000;

export class CaptureLogService {
  constructor(private readonly db: Kysely<DB>) {}

  /** Deletes every entry written before `before`; resolves to how many. */
  async prune(before: Date): Promise<number> {
    const cutoff = before.toISOString();
    const maxId = await lastIdBefore(this.db, cutoff);
    if (maxId === undefined) return 0;
    let deleted = 0;
    for (;;) {
      const n = await inTransaction(this.db, (trx) => deleteOldestBefore(trx, maxId, cutoff, PRUNE_BATCH));
      deleted += n;
      if (n < PRUNE_BATCH) return deleted;
    }
  }

  /**
   * One account's entries; `null` for requests refused before a key was known (the CLI shows
   * those to the operator), `undefined` for every entry.
   */
  async list(accountId: number | null | undefined, query: CaptureLogQuery): Promise<{ data: CaptureLogEntryJson[]; next_cursor: string | null }> {
    const limit = query.limit ?? DEFAULT_LOG_PAGE;
    const rows = await listCaptureLog(this.db, { accountId, outcome: query.outcome, beforeId: idBeforeCursor(query.cursor), limit: limit + 1 });
    const page = rows.slice(0, limit);
    return {
      data: page.map(describeCaptureLogEntry),
      next_cursor: rows.length > limit ? encodeCursor(page.at(-1)!.id) : null,
    };
  }
}
