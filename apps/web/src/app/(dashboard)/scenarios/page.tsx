import { PageHeader } from "@bulwark/ui";
import type { Metadata } from "next";
import { ScenarioWorkbench } from "@/features/scenarios/scenario-workbench";
import { requirePageContext } from "@/server/auth/page-session";
import { listScenarios } from "@/server/services/scenarios/list-scenarios";

export const metadata: Metadata = { title: "Scenarios" };

const DESCRIPTION = "The attacks a run can send: the built-in catalog and your organization's own scenarios.";

export default async function ScenariosPage() {
  const { ctx } = await requirePageContext();
  const catalog = await listScenarios(ctx, {});
  return (
    <>
      <PageHeader title="Scenarios" description={DESCRIPTION} />
      <ScenarioWorkbench scenarios={catalog.data} canEdit={ctx.scopes.includes("runs:write")} />
    </>
  );
}
