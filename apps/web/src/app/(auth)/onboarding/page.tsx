import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/features/auth/auth-card";
import { CreateOrganizationForm } from "@/features/organizations/create-organization-form";
import { requirePageUser } from "@/server/auth/page-session";

export const metadata: Metadata = { title: "Create an organization" };

export default async function OnboardingPage() {
  const user = await requirePageUser();
  return (
    <AuthCard
      title="Create an organization"
      footer={user.activeOrg ? <Link className="text-brand-700 underline" href="/">Back to the dashboard</Link> : <>Invited to one? Open the link from your invitation instead.</>}
    >
      <p className="mb-4 text-sm text-fg-muted">Organizations hold your projects, members and API keys. You will be its owner.</p>
      <CreateOrganizationForm />
    </AuthCard>
  );
}
