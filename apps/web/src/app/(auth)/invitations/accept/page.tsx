import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitation } from "@/features/auth/accept-invitation";
import { AuthCard } from "@/features/auth/auth-card";
import { requirePageUserOrNull } from "@/server/auth/page-session";

export const metadata: Metadata = { title: "Join an organization" };

export default async function AcceptInvitationPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  if (!token) {
    return (
      <AuthCard title="Join an organization">
        <p>This link has no invitation token. Open the link you were sent again.</p>
      </AuthCard>
    );
  }
  const user = await requirePageUserOrNull();
  const here = `/invitations/accept?token=${encodeURIComponent(token)}`;
  return (
    <AuthCard title="Join an organization">
      {user ? (
        <AcceptInvitation token={token} />
      ) : (
        <div className="space-y-3 text-sm">
          <p>You were invited to an organization on Bulwark. Sign in with the invited address, or create an account for it.</p>
          <p className="flex gap-4">
            <Link className="text-brand-700 underline" href={`/sign-in?next=${encodeURIComponent(here)}`}>
              Sign in
            </Link>
            <Link className="text-brand-700 underline" href={`/sign-up?invitation=${encodeURIComponent(token)}`}>
              Create an account
            </Link>
          </p>
        </div>
      )}
    </AuthCard>
  );
}
