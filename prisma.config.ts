// Prisma CLI configuration: migrations run through the JavaScript schema engine and the pg
// driver adapter, so generate/migrate/diff work offline (no engine binary download).
import pg from "pg";
import { defineConfig } from "prisma/config";
import { resolveDatabaseUrl } from "./packages/db/src/database-url";

// The schema's `url = env("DATABASE_URL")` is only read to parse the schema (the adapter below
// does the connecting), but the CLI treats an unset variable as an unreadable schema and then
// falls back to downloading the library engine. Resolve it before the CLI reads the schema.
process.env.DATABASE_URL = resolveDatabaseUrl();

// Workaround for prisma/orm#27403: the pg adapter refuses the catalog types `name` and `"char"`
// that the schema engine's introspection queries return. Both are text on the wire, so they are
// reported as `text` to get past the adapter; `"char"` columns are then handed to the engine as
// characters again (it reads pg_constraint.contype as a char and panics on text, which PG 18's
// NOT NULL constraints and any CHECK constraint trigger). These patches live only in the CLI
// process that loads this file, never in the app.
const CHAR_OID = 18;
const NAME_OID = 19;
const TEXT_OID = 25;
const COLUMN_TYPE_CHARACTER = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils
const charColumns = new WeakMap<object, number[]>(); // result rows → indexes of "char" columns
// `addFields` is pg's internal hook (absent from its types): it receives each column's description.
type ResultInternals = { rows: unknown[]; addFields(fields: { dataTypeID: number }[]): void };
const resultPrototype = pg.Result.prototype as unknown as ResultInternals;
const addFields = resultPrototype.addFields;
resultPrototype.addFields = function patchedAddFields(this: ResultInternals, fields) {
  const chars: number[] = [];
  fields.forEach((field, i) => {
    if (field.dataTypeID === CHAR_OID) chars.push(i);
    if (field.dataTypeID === CHAR_OID || field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
  });
  if (chars.length > 0) charColumns.set(this.rows, chars);
  return addFields.call(this, fields);
};
let queryRawPatched = false;
function restoreCharColumns(adapter: object) {
  if (queryRawPatched) return;
  queryRawPatched = true;
  // PrismaPgAdapter → PgQueryable, which owns queryRaw for adapters and transactions alike.
  const proto = Object.getPrototypeOf(Object.getPrototypeOf(adapter));
  const queryRaw = proto.queryRaw;
  proto.queryRaw = async function patchedQueryRaw(...args: unknown[]) {
    const result = await queryRaw.apply(this, args);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = COLUMN_TYPE_CHARACTER;
    return result;
  };
}

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
    const connect = factory.connect.bind(factory);
    factory.connect = async () => {
      const adapter = await connect();
      restoreCharColumns(adapter);
      return adapter;
    };
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
      restoreCharColumns(adapter);
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
