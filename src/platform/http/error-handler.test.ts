import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { apiErrorBody, toPublicError } from './error-handler.ts';

describe('apiErrorBody', () => {
  it.each([
    { code: 'sensitive_data_found', shown: true },
    { code: 'invalid_transition', shown: false },
    { code: 'forbidden', shown: false },
  ] as const)('shows the details of $code: $shown (the table says)', ({ code, shown }) => {
    const body = apiErrorBody(toPublicError(new DomainError(code, { details: { where: 'title' } })));
    expect('details' in body).toBe(shown);
  });

  it.each([
    { error: { code: 'FST_ERR_BAD_URL', statusCode: 400 }, code: 'path_invalid', status: 400 },
    { error: { code: 'FST_ERR_MAX_PARAM_LENGTH', statusCode: 414 }, code: 'uri_too_long', status: 414 },
    { error: { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }, code: 'body_too_large', status: 413 },
    { error: { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 }, code: 'unsupported_media_type', status: 415 },
    { error: { code: 'FST_ERR_SOMETHING_NEW', statusCode: 405 }, code: 'bad_request', status: 400 },
    { error: new Error('boom'), code: 'internal', status: 500 },
  ])('maps $error.code to $code $status in Chinese', ({ error, code, status }) => {
    const mapped = toPublicError(error);
    expect({ code: mapped.code, status: mapped.status }).toEqual({ code, status });
    expect(mapped.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
