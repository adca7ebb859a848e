// npm run admin -- bootstrap --org <name> --email <email> --password <password> [--name <name>] [--json]
//                             [--if-absent] [--omit-key]
//
// Creates an account, an organization it owns and an owner API key, non-interactively, for
// automation and first installs. Against DATABASE_URL, or else the embedded PostgreSQL of
// BULWARK_DATA_DIR (reused when `npm start` is running it, started for the duration otherwise).
// `--password-stdin` reads the password from standard input instead, keeping it out of the
// process list and shell history. Exit code 0 on success, 1 on any failure (message on stderr);
// nothing is created unless everything is. `--if-absent` makes it idempotent for start-up seeding
// (docker-entrypoint.sh, BULWARK_SEED=1): an existing account with that email is success, and
// nothing changes. `--omit-key` leaves the owner API key out of the output, for output that ends
// up in shipped logs; the owner signs in and creates one.
//
// The work is done by the web app's own services (bootstrapOwner → createAccount,
// createOrganization, createApiKey), so there is one way to create each thing; the module hooks
// let this plain Node process load them.
import { parseArgs } from "node:util";
import { embeddedSettings, redactDatabaseUrl, startEmbeddedPostgres, type EmbeddedPostgresHandle } from "@bulwark/db/embedded";
import { applyMigrations, findRepoRoot } from "@bulwark/db/migrate";
import { registerWebModuleHooks } from "./lib/web-module-hooks";

const root = findRepoRoot();
registerWebModuleHooks(root);

const USAGE = "Usage: npm run admin -- bootstrap --org <name> --email <email> (--password <password> | --password-stdin) [--name <name>] [--json] [--if-absent] [--omit-key]";

class UsageError extends Error {}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

async function bootstrap(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      org: { type: "string" },
      email: { type: "string" },
      password: { type: "string" },
      "password-stdin": { type: "boolean" },
      name: { type: "string" },
      json: { type: "boolean" },
      "if-absent": { type: "boolean" },
      "omit-key": { type: "boolean" },
    },
    strict: true,
  });
  if (!values.org || !values.email || (!values.password && !values["password-stdin"])) throw new UsageError(USAGE);
  const password = values["password-stdin"] ? await readStdin() : values.password!;

  let embedded: EmbeddedPostgresHandle | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(embeddedSettings(), { log: (line) => console.error(line) });
    databaseUrl = embedded.url;
  }
  try {
    await applyMigrations(databaseUrl);
    // Read when the database client is first imported, below: it must name the server in use.
    process.env.DATABASE_URL = databaseUrl;
    const { prisma, newId } = await import("@bulwark/db");
    const { bootstrapOwner } = await import("../apps/web/src/server/services/accounts/bootstrap-owner");
    try {
      const existing = values["if-absent"] ? await prisma.user.findUnique({ where: { email: values.email.trim().toLowerCase() }, select: { id: true } }) : null;
      if (existing) {
        console.log(values.json ? JSON.stringify({ existingUserId: existing.id }) : `An account with the email ${values.email} already exists; nothing was created.`);
        return;
      }
      const created = await bootstrapOwner(
        { email: values.email, password, name: values.name ?? null, orgName: values.org },
        {
          adminEmail: process.env.BULWARK_ADMIN_EMAIL?.trim().toLowerCase() || undefined,
          request: { requestId: newId("request"), ip: null, userAgent: "bulwark-admin-cli" },
        },
      );
      const { apiKey, ...ids } = created;
      if (values.json) {
        console.log(JSON.stringify(values["omit-key"] ? ids : created));
      } else {
        console.log(`Created organization ${ids.orgId} owned by ${ids.userId} (${redactDatabaseUrl(databaseUrl)}).`);
        if (!values["omit-key"]) console.log(`Owner API key (shown once, store it now): ${apiKey}`);
      }
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    if (embedded && !embedded.reused) await embedded.stop();
  }
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === "bootstrap") return bootstrap(rest);
  throw new UsageError(USAGE);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    // AppError messages are written for people; anything else may hold internals, but this is
    // the operator's own terminal and the cause is what they need.
    if (error instanceof UsageError) console.error(error.message);
    else console.error(`admin: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
