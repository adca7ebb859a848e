import { Card, PageHeader } from "@bulwark/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { requirePageContext } from "@/server/auth/page-session";
import { getCurrentOrganization } from "@/server/services/organizations/get-current-organization";
import { listProjects } from "@/server/services/projects/list-projects";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const { ctx } = await requirePageContext();
  const [org, projects] = await Promise.all([getCurrentOrganization(ctx), listProjects(ctx, { limit: 100 })]);
  return (
    <>
      <PageHeader title={org.name} description={`You are ${/^[aeiou]/.test(ctx.role) ? "an" : "a"} ${ctx.role} of this organization (${org.tier.toLowerCase()} tier).`} />
      <div className="grid gap-4 md:grid-cols-3">
        <Card>
          <p className="text-sm text-fg-muted">Projects</p>
          <p className="mt-1 text-3xl font-semibold">{projects.data.length}</p>
          <Link className="mt-2 inline-block text-sm text-brand-700 underline" href="/projects">
            Open projects
          </Link>
        </Card>
      </div>
    </>
  );
}
