/**
 * `path?…` with every non-empty value (trimmed): how a filtered list links to itself, so a
 * filtered view is a link to share. A plain module, not a client one: server pages call it for
 * their page links, and a server component cannot call a function exported from a "use client"
 * file.
 */
export function filtersHref(path: string, values: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    const trimmed = value?.trim();
    if (trimmed) params.set(name, trimmed);
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
