import { z } from "zod";

/** `?cursor=&limit=`: the cursor is the last id of the previous page (ids sort by creation time). */
export const PageQuery = z.object({
  cursor: z.string().min(1).max(64).optional().describe("The `nextCursor` of the previous page."),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe("Items per page, 1–100 (default 20)."),
});
export type PageQuery = z.infer<typeof PageQuery>;

export function Page<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    /** Pass as `cursor` to get the next page; null on the last page. */
    nextCursor: z.string().nullable(),
  });
}
