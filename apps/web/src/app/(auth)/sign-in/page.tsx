import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/features/auth/auth-card";
import { SignInForm } from "@/features/auth/sign-in-form";
import { oauthProviders } from "@/server/auth/oauth-providers";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next = "/" } = await searchParams;
  const providers = oauthProviders().map((provider) => {
    const p = typeof provider === "function" ? provider() : provider;
    return { id: p.id, name: p.name };
  });
  return (
    <AuthCard title="Sign in" footer={<>New here? <Link className="text-brand-700 underline" href="/sign-up">Create an account</Link></>}>
      <SignInForm next={next} providers={providers} />
    </AuthCard>
  );
}
