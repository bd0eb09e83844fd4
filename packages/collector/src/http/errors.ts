import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** Machine-readable error codes of the HTTP API (the `error` field of every error body). */
export type ErrorCode =
  | 'missing_key' | 'unknown_key' | 'secret_key_on_ingest' | 'secret_key_required' | 'origin_not_allowed' | 'identity_required'
  | 'invalid_json' | 'invalid_batch' | 'key_mismatch' | 'body_unreadable' | 'unsupported_encoding' | 'invalid_user_id'
  | 'body_too_large' | 'too_many_events' | 'rate_limited' | 'storage_unavailable' | 'invalid_period' | 'invalid_filter' | 'invalid_query'
  | 'not_found' | 'method_not_allowed' | 'internal' | 'cross_site' | 'dashboard_not_built'
  | 'preview_not_allowed' | 'unknown_flow'

/** Every error answer: `{ error, details }`, JSON, never the raw input nor a stack trace. */
export type ErrorBody = { error: ErrorCode; details: string }

/** Answers an error as JSON with the given status and extra headers. */
export function fail(c: Context, status: ContentfulStatusCode, error: ErrorCode, details: string, headers: Record<string, string> = {}) {
  return c.json<ErrorBody>({ error, details }, status, headers)
}
