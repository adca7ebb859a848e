// deploy/k8s: every manifest parsed with `yaml` and validated with the validators
// kubernetes-models generates from the Kubernetes OpenAPI schemas, then held to our rules.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { CronJob } from "kubernetes-models/batch/v1/CronJob";
import { Job } from "kubernetes-models/batch/v1/Job";
import type { IContainer } from "kubernetes-models/v1/Container";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Namespace } from "kubernetes-models/v1/Namespace";
import type { IPodSpec } from "kubernetes-models/v1/PodSpec";
import { Secret } from "kubernetes-models/v1/Secret";
import { Service } from "kubernetes-models/v1/Service";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";

const root = path.resolve(import.meta.dirname, "../..");
const dir = path.join(root, "deploy/k8s");

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  "v1/Namespace": Namespace,
  "v1/ConfigMap": ConfigMap,
  "v1/Secret": Secret,
  "v1/Service": Service,
  "apps/v1/Deployment": Deployment,
  "batch/v1/Job": Job,
  "batch/v1/CronJob": CronJob,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
};

interface Manifest {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  [key: string]: unknown;
}

const manifestFiles = readdirSync(dir).filter((file) => file.endsWith(".yaml") && file !== "kustomization.yaml").sort();
const manifests: Manifest[] = manifestFiles.flatMap((file) =>
  parseAllDocuments(readFileSync(path.join(dir, file), "utf8")).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join("; ")}`);
    return { file, ...(doc.toJS() as Omit<Manifest, "file">) } as Manifest;
  }),
);
const kustomization = parseAllDocuments(readFileSync(path.join(dir, "kustomization.yaml"), "utf8"))[0]!.toJS() as {
  resources: string[];
  images: { name: string }[];
};

function find<T>(kind: string, name: string): T {
  const manifest = manifests.find((m) => m.kind === kind && m.metadata.name === name);
  if (!manifest) throw new Error(`no ${kind} ${name} in deploy/k8s`);
  return manifest as unknown as T;
}

/** Throws the schema violations of a manifest, or returns when it is valid. */
function validateManifest(manifest: Record<string, unknown>): void {
  const { file: _file, ...object } = manifest;
  const Model = MODELS[`${object.apiVersion}/${object.kind}`];
  if (!Model) throw new Error(`no schema for ${String(object.apiVersion)} ${String(object.kind)}`);
  new Model(object as never).validate();
}

type Workload = Manifest & { spec: { template: { metadata: { labels: Record<string, string> }; spec: IPodSpec } } };
const web = find<Workload>("Deployment", "bulwark-web");
const worker = find<Workload>("Deployment", "bulwark-worker");
const migrate = find<Workload>("Job", "bulwark-migrate");
const cron = find<Manifest & { spec: { jobTemplate: { spec: { template: { spec: IPodSpec } } } } }>("CronJob", "bulwark-retention-cleanup");
const secret = find<Manifest & { stringData: Record<string, string>; data?: unknown }>("Secret", "bulwark-secrets");
const podSpecs: [string, IPodSpec][] = [
  ["web", web.spec.template.spec],
  ["worker", worker.spec.template.spec],
  ["migrate", migrate.spec.template.spec],
  ["retention", cron.spec.jobTemplate.spec.template.spec],
];

describe("deploy/k8s", () => {
  it("validates every manifest against the Kubernetes schemas", () => {
    expect(manifests.length).toBeGreaterThanOrEqual(10);
    for (const manifest of manifests) expect(() => validateManifest(manifest), `${manifest.file}`).not.toThrow();
  });

  it("the schema check can fail: a wrong type and an unknown kind are reported", () => {
    const broken = structuredClone(web) as unknown as Workload;
    (broken.spec.template.spec.containers[0]!.ports![0] as { containerPort: unknown }).containerPort = "3000";
    expect(() => validateManifest(broken)).toThrow(/containerPort must be integer/);
    expect(() => validateManifest({ ...web, apiVersion: "apps/v1beta1" })).toThrow(/no schema/);
  });

  it("lists exactly the manifests in kustomization.yaml, on one image", () => {
    expect([...kustomization.resources].sort()).toEqual(manifestFiles);
    const images = new Set(podSpecs.flatMap(([, spec]) => spec.containers.map((c) => c.image)));
    expect([...images]).toEqual([kustomization.images[0]!.name]);
  });

  it("runs every pod as a non-root user without privileges, on a read-only root filesystem", () => {
    for (const [name, spec] of podSpecs) {
      expect(spec.securityContext, name).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
      expect(spec.securityContext!.runAsUser, name).toBeGreaterThan(0);
      expect(spec.automountServiceAccountToken, name).toBe(false);
      for (const container of spec.containers) {
        expect(container.securityContext, name).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } });
        // Every mount names a declared volume.
        const volumes = new Set((spec.volumes ?? []).map((v) => v.name));
        for (const mount of container.volumeMounts ?? []) expect(volumes.has(mount.name), `${name}: ${mount.name}`).toBe(true);
      }
    }
    // tsx, the entrypoint's role file and the worker heartbeat write to /tmp; Next to its cache.
    for (const [name, spec] of podSpecs.slice(0, 3)) {
      expect(spec.containers[0]!.volumeMounts?.map((m) => m.mountPath), name).toContain("/tmp");
    }
    expect(web.spec.template.spec.containers[0]!.volumeMounts?.map((m) => m.mountPath)).toContain("/app/apps/web/.next/standalone/apps/web/.next/cache");
  });

  it("gives every container requests and a memory limit", () => {
    for (const [name, spec] of podSpecs) {
      for (const container of spec.containers) {
        expect(container.resources?.requests, name).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
        expect(container.resources?.limits?.memory, name).toEqual(expect.any(String));
      }
    }
  });

  it("probes the web app on its liveness and readiness routes", () => {
    const container = web.spec.template.spec.containers[0]! as IContainer;
    expect(container.args).toEqual(["web"]);
    expect(container.livenessProbe?.httpGet).toMatchObject({ path: "/api/health", port: "http" });
    expect(container.startupProbe?.httpGet).toMatchObject({ path: "/api/health", port: "http" });
    expect(container.readinessProbe?.httpGet).toMatchObject({ path: "/api/ready", port: "http" });
    expect(container.ports).toEqual([{ name: "http", containerPort: 3000 }]);
    for (const route of ["health", "ready"]) expect(existsSync(path.join(root, `apps/web/src/app/api/${route}/route.ts`)), route).toBe(true);
    const service = find<Manifest & { spec: { selector: Record<string, string>; ports: { targetPort: string }[] } }>("Service", "bulwark-web");
    expect(web.spec.template.metadata.labels).toMatchObject(service.spec.selector);
    expect(service.spec.ports[0]!.targetPort).toBe("http");
  });

  it("probes the worker through its heartbeat, with the script the image ships", () => {
    const container = worker.spec.template.spec.containers[0]! as IContainer;
    expect(container.args).toEqual(["worker"]);
    for (const probe of [container.livenessProbe, container.readinessProbe, container.startupProbe]) {
      expect(probe?.exec?.command).toEqual(["docker-healthcheck.sh", "worker"]);
    }
    // The heartbeat file is where the entrypoint and the health check both derive it: the
    // manifest must not move it for one of them only, and /tmp must be writable.
    expect((container.env ?? []).map((variable) => variable.name)).not.toContain("BULWARK_WORKER_HEARTBEAT_FILE");
    expect(container.volumeMounts).toContainEqual(expect.objectContaining({ mountPath: "/tmp" }));
    expect(readFileSync(path.join(root, "Dockerfile.customer"), "utf8")).toMatch(/COPY docker-entrypoint\.sh docker-healthcheck\.sh \/usr\/local\/bin\//);
  });

  it("leaves migrating to the Job, which runs the entrypoint's migrate role", () => {
    for (const deployment of [web, worker]) {
      expect(deployment.spec.template.spec.containers[0]!.env).toContainEqual({ name: "BULWARK_SKIP_MIGRATIONS", value: "1" });
    }
    const container = migrate.spec.template.spec.containers[0]!;
    expect(container.args).toEqual(["migrate"]);
    expect(container.command).toBeUndefined(); // the image's entrypoint runs it
    expect(["OnFailure", "Never"]).toContain(migrate.spec.template.spec.restartPolicy);
    expect(readFileSync(path.join(root, "docker-entrypoint.sh"), "utf8")).toMatch(/^\s+migrate\)\n\s+prepare_database always\n[\s\S]*?exit 0/m);
  });

  it("scales web on CPU and the worker on CPU and queue depth, targeting Deployments that exist", () => {
    type Hpa = Manifest & { spec: { scaleTargetRef: { kind: string; name: string }; metrics: Record<string, unknown>[] } };
    const webHpa = find<Hpa>("HorizontalPodAutoscaler", "bulwark-web");
    const workerHpa = find<Hpa>("HorizontalPodAutoscaler", "bulwark-worker");
    for (const hpa of [webHpa, workerHpa]) {
      expect(hpa.spec.scaleTargetRef.kind).toBe("Deployment");
      expect(() => find("Deployment", hpa.spec.scaleTargetRef.name)).not.toThrow();
    }
    expect(webHpa.spec.scaleTargetRef.name).toBe("bulwark-web");
    expect(workerHpa.spec.scaleTargetRef.name).toBe("bulwark-worker");
    expect(webHpa.spec.metrics).toEqual([expect.objectContaining({ type: "Resource", resource: expect.objectContaining({ name: "cpu" }) })]);
    expect(workerHpa.spec.metrics).toEqual([
      expect.objectContaining({ type: "Resource", resource: expect.objectContaining({ name: "cpu" }) }),
      expect.objectContaining({ type: "External", external: expect.objectContaining({ metric: { name: "bulwark_queue_depth" } }) }),
    ]);
  });

  it("ships the Secret as a template with every value empty, and refers only to keys it has", () => {
    expect(secret.data).toBeUndefined();
    expect(Object.keys(secret.stringData).sort()).toEqual(["AUTH_SECRET", "CRON_SECRET", "DATABASE_URL", "REDIS_URL"]);
    for (const [key, value] of Object.entries(secret.stringData)) expect(value, key).toBe("");
    const config = find<Manifest & { data: Record<string, string> }>("ConfigMap", "bulwark-config");
    for (const key of Object.keys(config.data)) expect(secret.stringData, `${key} in both`).not.toHaveProperty(key);
    for (const [name, spec] of podSpecs) {
      for (const container of spec.containers) {
        for (const source of container.envFrom ?? []) {
          if (source.configMapRef) expect(source.configMapRef.name, name).toBe("bulwark-config");
          if (source.secretRef) expect(source.secretRef.name, name).toBe("bulwark-secrets");
        }
        for (const variable of container.env ?? []) {
          const ref = variable.valueFrom?.secretKeyRef;
          if (ref) expect(secret.stringData, `${name}: ${ref.key}`).toHaveProperty(ref.key);
        }
      }
    }
  });

  it("calls the retention route with CRON_SECRET once a day, one run at a time", () => {
    expect(cron.spec).toMatchObject({ schedule: "15 3 * * *", concurrencyPolicy: "Forbid" });
    const container = cron.spec.jobTemplate.spec.template.spec.containers[0]!;
    expect(container.command?.join(" ")).toContain('fetch("http://bulwark-web/api/cron/retention-cleanup", { method: "POST"');
    expect(container.command?.join(" ")).toContain('authorization: "Bearer " + process.env.CRON_SECRET');
    expect(existsSync(path.join(root, "apps/web/src/app/api/cron/retention-cleanup/route.ts"))).toBe(true);
  });
});
