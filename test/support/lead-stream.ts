// Leads posted by concurrent workers, a new number each, until stopped: the load of the tests that
// do something to a server (kill it, write beside it) while leads keep arriving.
export interface LeadStream {
  /** The numbers answered 201, as posted. */
  readonly acknowledged: Set<string>;
  /** Every answer's status, in order; 0 where the connection failed (that worker then stops). */
  readonly statuses: number[];
  /** Stops posting; resolves once every worker has had its last answer. */
  stop(): Promise<void>;
}

export interface LeadStreamOptions {
  /** Numbers are 6465 followed by six digits counting from here. */
  firstNumber: number;
  workers?: number;
  /** More fields for every lead. */
  fields?: Record<string, unknown>;
}

/** Aloware leads to `url` with `token`, from `workers` connections at once. */
export function streamLeads(url: string, token: string, options: LeadStreamOptions): LeadStream {
  const acknowledged = new Set<string>();
  const statuses: number[] = [];
  let sent = 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped) {
      const phone = `6465${String(options.firstNumber + sent++).padStart(6, '0')}`;
      try {
        const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...options.fields, api_token: token, phone_number: phone }) });
        await r.arrayBuffer();
        statuses.push(r.status);
        if (r.status === 201) acknowledged.add(phone);
      } catch {
        statuses.push(0);
        return; // the connection failed (a killed server): not acknowledged
      }
    }
  };
  const workers = Array.from({ length: options.workers ?? 20 }, worker);
  return {
    acknowledged,
    statuses,
    stop: async () => {
      stopped = true;
      await Promise.all(workers);
    },
  };
}
