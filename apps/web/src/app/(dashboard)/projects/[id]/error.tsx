"use client";

import { RouteError } from "@bulwark/ui";

export default function ProjectError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError error={error} reset={reset} what="The project" />;
}
