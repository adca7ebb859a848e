import type { Scope } from "@bulwark/contracts";
import { Button, ToastProvider } from "@bulwark/ui";
import type { ReactNode } from "react";
import { signOutAction } from "@/features/auth/actions";
import { NavLink } from "@/features/shell/nav-link";
import { OrgSwitcher } from "@/features/shell/org-switcher";
import { requirePageContext, requirePageUserContext } from "@/server/auth/page-session";
import { listOrganizations } from "@/server/services/organizations/list-organizations";

// Each entry is shown only to those whose role has its scope: the server refuses the rest anyway.
const NAV: { href: string; label: string; scope?: Scope }[] = [
  { href: "/", label: "Overview" },
  { href: "/projects", label: "Projects", scope: "projects:read" },
  { href: "/findings", label: "Findings", scope: "findings:read" },
  { href: "/usage", label: "Usage", scope: "usage:read" },
  { href: "/scenarios", label: "Scenarios", scope: "runs:read" },
  { href: "/settings/members", label: "Members", scope: "members:read" },
  { href: "/settings/api-keys", label: "API keys", scope: "keys:manage" },
  { href: "/audit", label: "Audit log", scope: "audit:read" },
];

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { ctx } = await requirePageContext();
  const { userCtx } = await requirePageUserContext();
  const orgs = await listOrganizations(userCtx, { limit: 100 });
  return (
    <ToastProvider>
      <div className="flex min-h-screen">
        <aside className="flex w-60 shrink-0 flex-col gap-6 border-r border-border bg-surface p-4">
          <p className="px-3 text-lg font-semibold tracking-tight text-brand-700">Bulwark</p>
          <OrgSwitcher orgs={orgs.data.map(({ id, name }) => ({ id, name }))} activeOrgId={ctx.orgId} />
          <nav aria-label="Main" className="flex flex-col gap-1">
            {NAV.filter((item) => !item.scope || ctx.scopes.includes(item.scope)).map((item) => (
              <NavLink key={item.href} href={item.href}>
                {item.label}
              </NavLink>
            ))}
            {ctx.isPlatformAdmin ? <NavLink href="/admin">Platform admin</NavLink> : null}
          </nav>
          <div className="mt-auto space-y-2 border-t border-border pt-4">
            <NavLink href="/onboarding">New organization</NavLink>
            <form action={signOutAction}>
              <Button type="submit" variant="ghost" className="w-full justify-start">
                Sign out
              </Button>
            </form>
          </div>
        </aside>
        <main className="min-w-0 flex-1 px-8 py-8">{children}</main>
      </div>
    </ToastProvider>
  );
}
