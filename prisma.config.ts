// Prisma CLI configuration: migrations run through the JavaScript schema engine and the pg
// driver adapter, so generate/migrate/diff work offline (no engine binary download).
import pg from "pg";
import { defineConfig } from "prisma/config";
import { resolveDatabaseUrl } from "./packages/db/src/database-url";

// The schema's `url = env("DATABASE_URL")` is only read to parse the schema (the adapter below
// does the connecting), but the CLI treats an unset variable as an unreadable schema and then
// falls back to downloading the library engine. Resolve it before the CLI reads the schema.
process.env.DATABASE_URL = resolveDatabaseUrl();

// Workaround for prisma/orm#27403: the JS schema engine cannot deserialize the catalog types
// `name` and `"char"` that its introspection queries return. Both are text on the wire, so
// report them as `text`. This patch lives only in the CLI process that loads this file.
const CATALOG_TEXT_OIDS = new Set([18 /* "char" */, 19 /* name */]);
const PG_TEXT_OID = 25;
const addFields = pg.Result.prototype.addFields;
pg.Result.prototype.addFields = function patchedAddFields(fields) {
  for (const field of fields) {
    if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = PG_TEXT_OID;
  }
  return addFields.call(this, fields);
};

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    // Discrete fields, not a connectionString: the adapter derives its shadow database config
    // by overriding `database`, which a connectionString would silently win over.
    const url = new URL(process.env.DATABASE_URL!);
    const config: pg.PoolConfig = {
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password) || undefined,
      database: decodeURIComponent(url.pathname.slice(1)),
    };
    const factory = new PrismaPg(config);
    // Workaround: the adapter's own shadow database is dropped while its pool still holds a
    // connection, so `migrate dev`/`diff` fail. Use a shadow we drop (WITH FORCE) ourselves.
    factory.connectToShadowDb = async () => {
      const shadow = `${config.database}_prisma_shadow`;
      const recreate = async (create: boolean) => {
        const admin = new pg.Client(config);
        await admin.connect();
        try {
          await admin.query(`DROP DATABASE IF EXISTS "${shadow}" WITH (FORCE)`);
          if (create) await admin.query(`CREATE DATABASE "${shadow}"`);
        } finally {
          await admin.end();
        }
      };
      await recreate(true);
      const adapter = await new PrismaPg({ ...config, database: shadow }).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await recreate(false);
      };
      return adapter;
    };
    return factory;
  },
});
