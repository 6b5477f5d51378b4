// "max/window" as users write it: 600/10s, 100/1m, 5000/1h.
export interface RateLimitSpec { max: number; windowMs: number }

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

export function parseRateLimit(text: string): RateLimitSpec | null {
  const m = /^\s*(\d{1,9})\s*\/\s*(\d{0,9})\s*(ms|s|m|h)\s*$/.exec(text);
  if (!m) return null;
  const max = Number(m[1]);
  const windowMs = Number(m[2] || 1) * UNIT_MS[m[3] as keyof typeof UNIT_MS];
  if (max < 1 || windowMs < 1) return null;
  return { max, windowMs };
}
