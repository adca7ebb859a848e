import type { LookupAddress, LookupOptions } from "node:dns";
import { describe, expect, it } from "vitest";
import { pinnedLookup } from "./pinned-lookup";

function lookup(fn: ReturnType<typeof pinnedLookup>, name: string, options: LookupOptions) {
  return new Promise<{ error: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number }>((resolve) =>
    fn(name, options, (error, address, family) => resolve({ error, address, family })),
  );
}

describe("pinnedLookup", () => {
  const fn = pinnedLookup("agent.test", [
    { address: "93.184.215.14", family: 4 },
    { address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c", family: 6 },
  ]);

  it("answers only with the checked addresses, in both callback forms", async () => {
    expect(await lookup(fn, "agent.test", { all: true })).toMatchObject({
      error: null,
      address: [
        { address: "93.184.215.14", family: 4 },
        { address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c", family: 6 },
      ],
    });
    expect(await lookup(fn, "agent.test", {})).toMatchObject({ error: null, address: "93.184.215.14", family: 4 });
    expect(await lookup(fn, "agent.test", { family: 6 })).toMatchObject({ address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c", family: 6 });
  });

  it("refuses any other name", async () => {
    expect((await lookup(fn, "other.test", { all: true })).error?.code).toBe("ENOTFOUND");
  });
});
