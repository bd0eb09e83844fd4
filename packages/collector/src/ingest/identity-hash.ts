import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The identity hash a host app's server computes for a user: hex HMAC-SHA256(identitySecret, userId).
 * @example identityHash(process.env.CAIRN_IDENTITY_SECRET, 'u_42') // '5f0c…' (64 hex digits)
 */
export function identityHash(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId).digest('hex')
}

/** True when `hash` is the identity hash of `userId`; compared in constant time. */
export function verifyIdentity(secret: string, userId: string, hash: unknown): boolean {
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/i.test(hash)) return false
  return timingSafeEqual(Buffer.from(identityHash(secret, userId), 'hex'), Buffer.from(hash, 'hex'))
}
