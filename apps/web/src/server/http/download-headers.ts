/**
 * Headers for a file to save rather than display: its type, its name, and a CSP that lets
 * nothing in it run or load (an HTML report opened in place still gets its inline styles only).
 * `name` must be a plain file name; callers build it from validated ids.
 */
export function downloadHeaders(file: { contentType: string; name: string }): Record<string, string> {
  return {
    "Content-Type": file.contentType,
    "Content-Disposition": `attachment; filename="${file.name}"`,
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox",
  };
}
