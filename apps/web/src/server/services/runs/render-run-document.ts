import "server-only";
import { notFound } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import { attackCanaries, documentSignatureValid, platformKeys, type RunPlan } from "@bulwark/jobs";
import { renderDocument, type Variant } from "@bulwark/redteam";
import { env } from "@/env";
import { loadScenarioCatalog } from "@/server/services/scenarios/load-scenario-catalog";

/**
 * Renders a run's setup document for the agent under test. The URL's signature is the only
 * credential (the agent has no account), checked in constant time; anything wrong is a 404, so
 * the route tells nothing about which runs or scenarios exist.
 */
export async function renderRunDocument(doc: { runId: string; name: string; scenarioKey: string; version: number; variant: Variant; sig: string }) {
  const keys = platformKeys(env.AUTH_SECRET);
  if (!documentSignatureValid(keys.attackMaterial, { ...doc })) throw notFound("document");
  const run = await prisma.run.findUnique({ where: { id: doc.runId }, select: { id: true, orgId: true, plan: true } });
  if (!run) throw notFound("document");
  const scenario = (await loadScenarioCatalog(run.orgId)).find((s) => s.key === doc.scenarioKey && s.version === doc.version);
  if (!scenario?.setup.documents.some((d) => d.name === doc.name)) throw notFound("document");
  const { targets } = run.plan as unknown as RunPlan;
  const canaries = attackCanaries(keys.attackMaterial, run.id, scenario, doc.variant);
  return renderDocument(scenario, doc.name, { canaries, documentUrls: {}, exfilUrl: targets.exfilUrl, adminUrl: targets.adminUrl });
}
