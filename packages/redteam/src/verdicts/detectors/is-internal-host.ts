/**
 * Whether `host` is one the project treats as internal. A suffix matches the host itself or any
 * subdomain at a label boundary: `.internal` and `internal` both match `admin.internal`, and
 * `corp.example` never matches `evilcorp.example` (a plain `endsWith` would).
 */
export function isInternalHost(host: string, suffixes: readonly string[]): boolean {
  const name = normaliseHost(host);
  if (name === "") return false;
  return suffixes.some((suffix) => {
    const wanted = normaliseHost(suffix).replace(/^\.+/, "");
    return wanted !== "" && (name === wanted || name.endsWith(`.${wanted}`));
  });
}

/** Lower-case, without the trailing root dot (`admin.internal.`) or IPv6 brackets. */
export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, "").replace(/^\[(.*)\]$/, "$1");
}
