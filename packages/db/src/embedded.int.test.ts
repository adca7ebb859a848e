import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, it, expect } from "vitest";
import { embeddedSettings } from "./database-url";
import { startEmbeddedPostgres } from "./embedded";
import { applyMigrations } from "./migrate";

describe("embedded PostgreSQL", () => {
  it("initialises, migrates, and keeps its data across a restart", { timeout: 120_000 }, async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "bulwark-embedded-"));
    const settings = embeddedSettings({ BULWARK_DATA_DIR: dataDir, BULWARK_EMBEDDED_PG_PORT: String(await freePort()) });
    try {
      const first = await startEmbeddedPostgres(settings);
      try {
        expect(first.reused).toBe(false);
        await applyMigrations(first.url);
        await withClient(first.url, async (client) => {
          expect((await client.query("select 1 as one")).rows).toEqual([{ one: 1 }]);
          await client.query("create table keep_me (note text not null)");
          await client.query("insert into keep_me values ('written before the restart')");
        });
        // A second start on the same data dir while it runs reuses the server.
        const again = await startEmbeddedPostgres(settings);
        expect(again).toMatchObject({ url: first.url, reused: true });
      } finally {
        await first.stop();
      }
      await expect(fs.access(path.join(settings.pgDir, "postmaster.pid"))).rejects.toThrow(); // clean shutdown

      const second = await startEmbeddedPostgres(settings);
      try {
        expect(second.reused).toBe(false);
        await withClient(second.url, async (client) => {
          expect((await client.query("select note from keep_me")).rows).toEqual([{ note: "written before the restart" }]);
          const committed = (await fs.readdir(path.join(import.meta.dirname, "../../../prisma/migrations"), { withFileTypes: true }))
            .filter((entry) => entry.isDirectory()).length;
          if (committed > 0) {
            const applied = await client.query("select count(*)::int as n from _prisma_migrations where finished_at is not null");
            expect(applied.rows[0].n).toBe(committed);
          }
        });
        // Migrations are idempotent: a restart applies nothing new.
        expect((await applyMigrations(second.url)).applied).toEqual([]);
      } finally {
        await second.stop();
      }
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});

async function withClient(url: string, use: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    await use(client);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
