import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/features/auth/auth-card";
import { SignUpForm } from "@/features/auth/sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ invitation?: string }> }) {
  const { invitation } = await searchParams;
  return (
    <AuthCard title="Create an account" footer={<>Already have one? <Link className="text-brand-700 underline" href="/sign-in">Sign in</Link></>}>
      <SignUpForm invitationToken={invitation} />
    </AuthCard>
  );
}
