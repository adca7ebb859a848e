"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut, updateSession } from "@/server/auth/next-auth";

export interface SignInState {
  error?: string;
  /** Echoed back so a failed attempt does not make the user retype the address. */
  email?: string;
}

/** Email + password sign-in. Every failure reads the same: it must not tell which part was wrong. */
export async function signInWithPassword(_: SignInState, form: FormData): Promise<SignInState> {
  const next = safeNext(form.get("next"));
  try {
    await signIn("credentials", { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? ""), redirectTo: next });
  } catch (error) {
    // Auth.js signals success with Next's redirect, which must propagate.
    if (error instanceof AuthError) {
      return { error: "Those details did not work, or there were too many attempts. Try again in a few minutes.", email: String(form.get("email") ?? "") };
    }
    throw error;
  }
  return {};
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}

/** Switches the active organization; the session callback checks the membership first. */
export async function switchOrganization(orgId: string): Promise<void> {
  await updateSession({ orgId } as never);
  redirect("/");
}

/** Only same-site paths: an absolute URL here would make sign-in an open redirect. */
function safeNext(value: FormDataEntryValue | null): string {
  const next = typeof value === "string" ? value : "/";
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
