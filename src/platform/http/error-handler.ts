import type { FastifyError } from 'fastify';
import { DomainError, ERROR_TABLE, detailsArePublic, type ErrorCode, type FieldIssue } from '../errors.ts';

/** An error as the outside world sees it. */
export type PublicError = {
  status: number;
  code: ErrorCode;
  message: string;
  fields: FieldIssue[];
  details: Record<string, unknown> | undefined;
};

/**
 * Maps any error to a stable code, a status and a Chinese message. Domain errors keep their own;
 * Fastify's parsing and limit errors get theirs; anything unexpected is a plain 500 that says
 * nothing about the inside (and `isUnexpected` tells the caller to log it).
 */
export function toPublicError(error: unknown): PublicError & { isUnexpected: boolean } {
  if (error instanceof DomainError) {
    return {
      status: error.status,
      code: error.code,
      message: error.message,
      fields: error.fields,
      details: error.details,
      isUnexpected: false,
    };
  }
  const fastifyError = error as Partial<FastifyError> | undefined;
  const code = fastifyError?.code ?? '';
  const statusCode = fastifyError?.statusCode ?? 500;
  const known = (c: ErrorCode): PublicError & { isUnexpected: boolean } => ({
    status: ERROR_TABLE[c].status,
    code: c,
    message: ERROR_TABLE[c].message,
    fields: [],
    details: undefined,
    isUnexpected: false,
  });
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return known('body_too_large');
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return known('unsupported_media_type');
  if (code === 'FST_ERR_BAD_URL') return known('path_invalid');
  if (code === 'FST_ERR_MAX_PARAM_LENGTH') return known('uri_too_long');
  if (
    code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    (statusCode === 400 && error instanceof SyntaxError)
  ) {
    return known('malformed_json');
  }
  if (statusCode === 429) return known('rate_limited');
  if (statusCode === 404) return known('not_found');
  if (statusCode >= 400 && statusCode < 500) return known('bad_request');
  return { ...known('internal'), isUnexpected: true };
}

/** The JSON body of an API error: `{ code, message }`, plus field problems when there are any. */
export function apiErrorBody(error: PublicError): Record<string, unknown> {
  return {
    code: error.code,
    message: error.message,
    ...(error.fields.length > 0 ? { fields: error.fields } : {}),
    ...(error.details && detailsArePublic(error.code) ? { details: error.details } : {}),
  };
}
