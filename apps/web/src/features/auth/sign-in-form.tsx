"use client";

import { Button, ErrorMessage, Field, Input } from "@bulwark/ui";
import { signIn } from "next-auth/react";
import { useActionState } from "react";
import { signInWithPassword, type SignInState } from "./actions";

export function SignInForm({ next, providers }: { next: string; providers: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInWithPassword, {});
  return (
    <div className="space-y-6">
      <form action={action} className="space-y-4">
        <input type="hidden" name="next" value={next} />
        <Field label="Email">{(control) => <Input {...control} key={state.email} name="email" type="email" autoComplete="email" defaultValue={state.email} required />}</Field>
        <Field label="Password">{(control) => <Input {...control} name="password" type="password" autoComplete="current-password" required />}</Field>
        {state.error ? <ErrorMessage title="Sign-in failed" message={state.error} /> : null}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {providers.length > 0 ? (
        <div className="space-y-2 border-t border-border pt-4">
          {providers.map((provider) => (
            <Button key={provider.id} variant="secondary" className="w-full" onClick={() => void signIn(provider.id, { redirectTo: next })}>
              Continue with {provider.name}
            </Button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
