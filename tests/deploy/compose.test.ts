// docker-compose.customer.yml, checked without a Docker engine: parsed with `yaml`, interpolated
// as Compose does, validated against the Compose Specification's schema, then held to our rules.
import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv2019 from "ajv/dist/2019";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { interpolateCompose } from "./support/compose-interpolation";

const root = path.resolve(import.meta.dirname, "../..");
const raw = parse(readFileSync(path.join(root, "docker-compose.customer.yml"), "utf8"), { merge: true }) as Record<string, unknown>;

/** What an operator sets (fake values, only ever seen by this test). */
const OPERATOR_ENV = {
  POSTGRES_PASSWORD: "0123456789abcdef0123456789abcdef",
  REDIS_PASSWORD: "fedcba9876543210fedcba9876543210",
  AUTH_SECRET: "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA==",
  CRON_SECRET: "Y3Jvbi1zZWNyZXQtY3Jvbi1zZWNyZXQ=",
};
const REQUIRED = Object.keys(OPERATOR_ENV).sort();

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  profiles?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  healthcheck?: { test: string[]; interval?: string };
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
}
const configured = interpolateCompose(raw, OPERATOR_ENV).value as { name: string; services: Record<string, Service>; volumes: Record<string, unknown> };
const services = configured.services;

// Compose's own duration and port syntaxes, the custom formats the schema names.
const DURATION = /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/;
const PORT = /^((\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/;

function schemaErrors(document: Record<string, unknown>): string | null {
  // The file names draft 2019-09 as "http://…/schema#", a spelling Ajv does not register (it
  // knows "https://…/schema"); Ajv2019 applies that draft anyway.
  const { $schema: _draft, ...schema } = JSON.parse(readFileSync(path.join(import.meta.dirname, "schemas/compose-spec.json"), "utf8"));
  // Its draft-04 style `id` strings only label subschemas (every `$ref` is a JSON pointer) and
  // Ajv refuses them, so they are dropped; strict: false lets the remaining annotations pass.
  const withoutIds = (node: unknown): unknown =>
    Array.isArray(node) ? node.map(withoutIds)
    : node && typeof node === "object" ? Object.fromEntries(Object.entries(node).filter(([key, value]) => !(key === "id" && typeof value === "string")).map(([key, value]) => [key, withoutIds(value)]))
    : node;
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  ajv.addFormat("duration", DURATION);
  ajv.addFormat("ports", { type: "string", validate: (value) => PORT.test(value) });
  ajv.addFormat("subnet_ip_address", /^[0-9a-fA-F.:]+\/\d{1,3}$/);
  ajv.addFormat("expose", { type: "string", validate: (value) => /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/.test(value) });
  const validate = ajv.compile(withoutIds(schema) as object);
  return validate(document) ? null : JSON.stringify(validate.errors, null, 2);
}

describe("docker-compose.customer.yml", () => {
  it("is a valid Compose file once interpolated", () => {
    // The vendored schema predates the top-level `name` (tests/deploy/schemas/README.md).
    const { name, ...rest } = configured;
    expect(name).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
    expect(schemaErrors(rest)).toBeNull();
  });

  it("the schema check can fail: a misspelt key and a bad duration are reported", () => {
    const broken = structuredClone(configured) as unknown as { services: Record<string, Record<string, unknown>> };
    broken.services.web!.healtcheck = broken.services.web!.healthcheck;
    (broken.services.redis!.healthcheck as { interval: string }).interval = "5 seconds";
    const errors = schemaErrors(broken as Record<string, unknown>);
    expect(errors).toContain("healtcheck");
    expect(errors).toContain('"format": "duration"');
  });

  it("refuses to start without each required secret, naming it", () => {
    expect(interpolateCompose(raw, OPERATOR_ENV).missing).toEqual([]);
    const missing = interpolateCompose(raw, {}).missing;
    expect(missing.map((m) => /variable (\w+)/.exec(m)?.[1]).sort()).toEqual(REQUIRED);
    for (const message of missing) expect(message).toMatch(/is missing a value: set \w+ \(openssl rand/);
    // An empty value is missing too (`:?`, not `?`).
    expect(interpolateCompose(raw, { ...OPERATOR_ENV, AUTH_SECRET: "" }).missing).toEqual([expect.stringContaining("AUTH_SECRET")]);
  });

  it("has no literal secret: every secret-like value comes from a variable", () => {
    const secretish = /PASSWORD|SECRET|TOKEN|AUTH$|API_KEY|DATABASE_URL|REDIS_URL/;
    for (const [serviceName, service] of Object.entries((raw as { services: Record<string, Service> }).services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (!secretish.test(key) || key === "BULWARK_SKIP_MIGRATIONS") continue;
        expect(String(value), `${serviceName}.${key}`).toMatch(/\$\{[A-Z_]+(:[?-][^}]*)?\}/);
        // A default (`:-`) for a secret would be a default secret; only empty defaults pass.
        for (const [, defaulted] of String(value).matchAll(/\$\{[A-Z_]+:-([^}]*)\}/g)) expect(defaulted, `${serviceName}.${key}`).toBe("");
      }
    }
    // The URLs embed the passwords, and only through `:?`.
    const web = (raw as { services: Record<string, Service> }).services.web!.environment!;
    expect(web.DATABASE_URL).toContain("${POSTGRES_PASSWORD:?");
    expect(web.REDIS_URL).toContain("${REDIS_PASSWORD:?");
  });

  it("runs postgres, redis, web and worker by default, and the sidecar and demo agent only under profiles", () => {
    const byDefault = Object.keys(services).filter((name) => !services[name]!.profiles);
    expect(byDefault.sort()).toEqual(["postgres", "redis", "web", "worker"]);
    expect(services["demo-agent"]!.profiles).toEqual(["demo"]);
    expect(services.sidecar!.profiles).toContain("demo");
  });

  it("gives every long-running service a health check, and waits on health", () => {
    for (const [name, service] of Object.entries(services)) {
      expect(service.healthcheck?.test?.length, name).toBeGreaterThan(0);
      expect(service.healthcheck!.interval, name).toMatch(DURATION);
    }
    expect(services.web!.depends_on).toEqual({ postgres: { condition: "service_healthy" }, redis: { condition: "service_healthy" } });
    expect(services.worker!.depends_on).toEqual({ web: { condition: "service_healthy" } });
    expect(services["demo-agent"]!.depends_on).toEqual({ sidecar: { condition: "service_healthy" } });
  });

  it("keeps state in named volumes only", () => {
    const named = Object.keys(configured.volumes);
    const mounts = Object.values(services).flatMap((service) => service.volumes ?? []);
    expect(mounts.length).toBeGreaterThanOrEqual(3);
    for (const mount of mounts) expect(named, mount).toContain(mount.split(":")[0]);
    expect(services.sidecar!.volumes).toEqual([`sidecar-buffer:${services.sidecar!.environment!.SIDECAR_BUFFER_DIR}`]);
  });

  it("wires the app to its database, Redis, the sidecar and the demo agent", () => {
    for (const name of ["web", "worker"]) {
      const env = services[name]!.environment!;
      expect(env.DATABASE_URL).toBe(`postgresql://bulwark:${OPERATOR_ENV.POSTGRES_PASSWORD}@postgres:5432/bulwark`);
      expect(env.REDIS_URL).toBe(`redis://:${OPERATOR_ENV.REDIS_PASSWORD}@redis:6379`);
      expect(env.AUTH_SECRET).toBe(OPERATOR_ENV.AUTH_SECRET);
    }
    expect(services.web!.environment!.BULWARK_INLINE_WORKER).toBe("0");
    expect(services.worker!.environment!.BULWARK_SKIP_MIGRATIONS).toBe("1");
    expect(services.redis!.command).toEqual(["redis-server", "--appendonly", "yes", "--requirepass", OPERATOR_ENV.REDIS_PASSWORD]);
    const sidecarPort = services.sidecar!.environment!.SIDECAR_LISTEN!.split(":").at(-1);
    expect(services.sidecar!.environment!.BULWARK_URL).toBe("http://web:3000");
    expect(services["demo-agent"]!.environment).toMatchObject({ HTTP_PROXY: `http://sidecar:${sidecarPort}`, HTTPS_PROXY: `http://sidecar:${sidecarPort}`, HOST: "0.0.0.0" });
    // The deliberately vulnerable agent is never published on the host.
    expect(services["demo-agent"]!.ports).toBeUndefined();
  });

  it("runs every app service from the one image, each with its entrypoint role", () => {
    for (const [name, role] of [["web", "web"], ["worker", "worker"], ["sidecar", "sidecar"], ["demo-agent", "demo-agent"]] as const) {
      expect(services[name]!.image, name).toBe("bulwark:local");
      expect(services[name]!.build, name).toEqual({ context: ".", dockerfile: "Dockerfile.customer" });
      expect(services[name]!.command, name).toEqual([role]);
      expect(services[name]!.healthcheck!.test, name).toEqual(["CMD", "docker-healthcheck.sh", role]);
    }
  });
});
