import type inject from 'light-my-request';
import { HAN } from '../../http/http-kit.ts';

/**
 * One hostile request of the fuzz of `test/security/hostile-input/`, and what every answer to it
 * must look like: never 5xx, always the security headers, redirects only on the site, and errors
 * in Chinese in the format of the part of the site asked (`{ code, message }` JSON under /api/,
 * an HTML page elsewhere).
 */

/** One request of the fuzz, exactly as it goes on the wire. */
export type Probe = {
  /** What kind of hostility, for the failure report. */
  label: string;
  method: string;
  /** The request target exactly as on the wire. */
  url: string;
  headers?: Record<string, string>;
  payload?: string | Buffer;
  remoteAddress?: string;
};

/** The server's answer to a probe. */
export type Answer = inject.Response;

/** Whether the path (not the query) asks the API: percent-decoded; case-sensitive, as paths are (/API/ is a page's 404). */
export function isApiPath(url: string): boolean {
  const queryAt = url.indexOf('?');
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Decode what can be decoded (a broken escape elsewhere does not hide /%61pi/).
    decoded = path.replace(/%([0-7][0-9A-Fa-f])/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  // Leading slashes collapse (//api/… is the API to the request-target check too); `\` is `/` to browsers.
  return /^\/+api([/;]|$)/.test(decoded.replace(/\\/g, '/'));
}

/** A long value shown as its start, its length and its end, so a report stays readable. */
export function clip(text: string, max = 240): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 80)}…(${text.length} chars)…${text.slice(-60)}`;
}

/** A value of a probe or an answer, for a report: JSON, clipped; bytes as latin1. */
export function show(value: unknown): string {
  if (value === undefined) return '(none)';
  if (Buffer.isBuffer(value)) return `<${value.length} bytes> ${clip(JSON.stringify(value.toString('latin1')))}`;
  return clip(JSON.stringify(value));
}

/** Everything wrong with one answer; empty when it is right. */
export function problemsOf(probe: Probe, answer: Answer): string[] {
  const problems: string[] = [];
  const status = answer.statusCode;
  if (status >= 500) problems.push(`answered ${status}`);
  if (answer.headers['x-content-type-options'] !== 'nosniff') problems.push('no x-content-type-options: nosniff');
  const csp = answer.headers['content-security-policy'];
  if (typeof csp !== 'string' || !csp.includes("default-src 'self'")) {
    problems.push(`no content-security-policy with default-src 'self' (got ${show(csp)})`);
  }
  // A redirect stays on the site (304 Not Modified is no redirect and has no Location).
  if ([301, 302, 303, 307, 308].includes(status)) {
    const location = answer.headers.location;
    if (typeof location !== 'string') problems.push('a redirect without Location');
    // eslint-disable-next-line no-control-regex
    else if (!/^\/(?![/\\])/.test(location) || /[\s\u0000-\u001f\u007f]/.test(location)) {
      problems.push(`a redirect off the site: Location ${show(location)}`);
    }
  }
  if (status >= 400 && status < 500) {
    const type = String(answer.headers['content-type'] ?? '');
    const hasBody = probe.method !== 'HEAD';
    if (isApiPath(probe.url)) {
      if (!type.startsWith('application/json')) problems.push(`an API error as ${show(type)}, not JSON`);
      else if (hasBody) {
        let body: unknown;
        try {
          body = JSON.parse(answer.body) as unknown;
        } catch {
          body = undefined;
        }
        const error = (body ?? {}) as { code?: unknown; message?: unknown };
        if (typeof body !== 'object' || body === null) problems.push('an API error body that is not a JSON object');
        else if (typeof error.code !== 'string') problems.push('an API error without a string code');
        else if (error.code.startsWith('FST_')) problems.push(`a framework error code ${error.code}`);
        if (typeof error.message !== 'string' || !HAN.test(error.message)) {
          problems.push(`an API error message not in Chinese: ${show(error.message)}`);
        }
      }
    } else {
      if (!type.startsWith('text/html')) problems.push(`a page error as ${show(type)}, not HTML`);
      if (hasBody && !HAN.test(answer.body)) problems.push('a page error without Chinese');
    }
  }
  return problems;
}

/** A wrong answer described so that the request can be sent again by hand. */
export function report(probe: Probe, answer: Answer | undefined, problems: string[]): string {
  const answered = answer
    ? `→ ${answer.statusCode} ${show(answer.headers['content-type'])} ${JSON.stringify(answer.body.slice(0, 300))}`
    : '';
  return [
    `✗ ${problems.join('; ')}`,
    `  [${probe.label}] ${probe.method} ${clip(probe.url)}`,
    `  headers=${show(probe.headers ?? {})} body=${show(probe.payload)}${probe.remoteAddress ? ` from ${probe.remoteAddress}` : ''}`,
    `  ${answered}`,
  ].join('\n');
}
