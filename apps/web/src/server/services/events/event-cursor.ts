import { AppError } from "@bulwark/contracts";

/** Events sort by (ts, id); the cursor carries both, opaque to clients. */
export function encodeEventCursor(ts: Date, id: bigint): string {
  return Buffer.from(`${ts.toISOString()}|${id}`, "utf8").toString("base64url");
}

export function decodeEventCursor(cursor: string): { ts: Date; id: bigint } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const ts = new Date(iso ?? "");
  if (!id || !/^\d{1,19}$/.test(id) || Number.isNaN(ts.getTime())) {
    throw new AppError("validation_failed", "Invalid query: cursor: not a cursor this API returned", {
      details: { in: "query", fields: [{ path: "cursor", code: "invalid_cursor", message: "not a cursor this API returned" }] },
    });
  }
  return { ts, id: BigInt(id) };
}
