import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/features/auth/auth-card";
import { TokenAction } from "@/features/auth/token-action";

export const metadata: Metadata = { title: "Confirm your email" };

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <AuthCard title="Confirm your email">
      {token ? (
        <TokenAction
          path="/api/v1/auth/verify-email"
          token={token}
          label="Confirm my email address"
          done={<>Your address is confirmed. <Link className="text-brand-700 underline" href="/sign-in">Sign in</Link>.</>}
        />
      ) : (
        <p>This link has no token. Open the link from the email again.</p>
      )}
    </AuthCard>
  );
}
