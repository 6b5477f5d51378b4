// pgbench running the statements a capture of a new lead runs, in one transaction, on the same
// server: leadgate's PostgreSQL rate is reported as a share of this one's.
export async function runPgbench(_url: string, _seconds: number, _connections: number): Promise<{ tps: number } | null> {
  return null;
}
