/** Rows fetched with `take: limit + 1`, ordered by id: the page and the cursor of the next one. */
export function toPage<Row extends { id: string }, Item>(rows: Row[], limit: number, toItem: (row: Row) => Item) {
  const page = rows.slice(0, limit);
  return { data: page.map(toItem), nextCursor: rows.length > limit ? page.at(-1)!.id : null };
}
