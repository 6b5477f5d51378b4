// Tokens are 32 random bytes; only their SHA-256 is stored. A fast hash is right here: the
// secret has 256 bits of entropy, so there is nothing to slow down a guesser for, and a lookup
// must cost one indexed query per request.
import { createHash, randomBytes } from 'node:crypto';

const TOKEN_PREFIX = 'lg_';
/** Characters of the token kept in clear so a listing can tell keys apart. */
const VISIBLE_PREFIX_LENGTH = TOKEN_PREFIX.length + 8;

/** Anything shaped like a token, wherever it was put; logs and the capture log never keep one. */
export const TOKEN_LIKE = /lg_[A-Za-z0-9_-]{16,}/g;

export function redactTokens(text: string): string {
  return text.replace(TOKEN_LIKE, '[REDACTED]');
}

export function newToken(): { token: string; prefix: string; hash: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, prefix: token.slice(0, VISIBLE_PREFIX_LENGTH), hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
