// One load scenario with autocannon: keep-alive connections, one request in flight each, a
// lead body built per request, and the numbers the server acknowledged (2xx) recorded for the
// self-check.
import autocannon from 'autocannon';
import { benchPhone, leadBody } from './lead-payload.js';

export interface LoadResult {
  rps: number;
  /** Requests answered in the run. */
  total: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  created: number;
  acknowledged: Set<string>;
}

export interface LoadOptions {
  url: string;
  token: string;
  seconds: number;
  connections: number;
  /** Where this scenario's numbers start, so scenarios never share numbers by accident. */
  firstNumber: number;
  /** Share of requests (0..1) that repeat a number already sent in this scenario. */
  repeatShare: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const acknowledged = new Set<string>();
  let created = 0;
  let next = options.firstNumber;
  const sent: string[] = [];
  const pick = () => {
    if (sent.length > 0 && Math.random() < options.repeatShare) return sent[Math.floor(Math.random() * sent.length)]!;
    const phone = benchPhone(next++);
    if (sent.length < 5_000) sent.push(phone);
    return phone;
  };
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    connections: options.connections,
    pipelining: 1,
    duration: options.seconds,
    headers: { 'content-type': 'application/json' },
    requests: [{
      setupRequest: (request: any, context: any) => {
        context.phone = pick();
        return { ...request, body: leadBody(options.token, context.phone) };
      },
      onResponse: (status: number, _body: string, context: any) => {
        if (status >= 200 && status < 300) acknowledged.add(context.phone);
        if (status === 201) created++;
      },
    }],
  } as autocannon.Options);
  return {
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    created,
    acknowledged,
  };
}
