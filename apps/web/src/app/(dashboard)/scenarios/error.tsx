"use client";

import { RouteError } from "@bulwark/ui";

export default function ScenariosError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError error={error} reset={reset} what="The scenario library" />;
}
