import type { Run } from "@bulwark/db";
import { builtInScenarios, ConnectorConfig, createRunLimiter, type Scenario, scenarioRef } from "@bulwark/redteam";
import { loadCustomScenarios } from "./load-custom-scenarios";
import type { AttackTargets, RunContext } from "./run-context";
import type { RunDeps } from "./run-deps";
import type { RunWatch } from "./watch-run";

export async function loadRunContext(deps: RunDeps, run: Run, watch: RunWatch, targets: AttackTargets): Promise<RunContext> {
  const project = await deps.prisma.project.findUniqueOrThrow({ where: { id: run.projectId } });
  const connector = ConnectorConfig.parse(project.connector);
  const scenarios = new Map<string, Scenario>();
  for (const scenario of [...builtInScenarios(), ...(await loadCustomScenarios(deps.prisma, run.orgId, { includeArchived: true }))]) {
    scenarios.set(scenarioRef(scenario.key, scenario.version), scenario);
  }
  return {
    prisma: deps.prisma,
    log: deps.log.child({ runId: run.id }),
    workerId: deps.workerId,
    run,
    project: { id: project.id, orgId: project.orgId, internalHostSuffixes: project.internalHostSuffixes },
    connector,
    // Loopback and private targets only for a sandbox project that explicitly allows them.
    policy: { allowPrivateNetwork: project.environment === "SANDBOX" && project.allowLocalTargets },
    limiter: createRunLimiter({ maxConcurrency: connector.maxConcurrency, requestsPerSecond: connector.requestsPerSecond }),
    secretKey: deps.keys.connectorSecrets,
    documentKey: deps.keys.attackMaterial,
    scenarios,
    watch,
    targets,
    egressGraceMs: deps.egressGraceMs,
    judge: deps.judge,
  };
}
