/**
 * The Content-Disposition of a file download: a plain ASCII name for old clients and the real name,
 * Chinese included, as `filename*` (RFC 6266 §4.3, RFC 5987). encodeURIComponent leaves `'()*`
 * as they are, which RFC 5987's attr-char does not allow, so those are escaped too.
 */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const fallback = asciiFallback.replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * A file name made of outside text (a search query, a document title): characters no file system
 * accepts and control characters become `_`, runs of spaces one space, at most `max` characters.
 */
export function safeFileName(text: string, max = 40): string {
  const cleaned = text
    .replace(/\s+/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_')
    .trim()
    .replace(/^\.+/, '_');
  return [...cleaned].slice(0, max).join('') || '_';
}
