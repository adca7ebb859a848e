import { getRunDocument as getRunDocumentOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { renderRunDocument } from "@/server/services/runs/render-run-document";

// GET /api/v1/runs/{id}/documents/{name} — a setup document for the agent under test (signed URL)
export const GET = route(getRunDocumentOp, {}, async ({ params, query }) => {
  const doc = await renderRunDocument({ runId: params.id, name: params.name, scenarioKey: query.scenario, version: query.version, variant: query.variant, sig: query.sig });
  return new Response(doc.content, { status: 200, headers: { "Content-Type": `${doc.contentType}; charset=utf-8` } });
});
