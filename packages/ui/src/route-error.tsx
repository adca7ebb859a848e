"use client";

import { Button } from "./button";
import { ErrorMessage } from "./card";

/**
 * The body of a route's error.tsx. Production builds hide server error messages from the browser
 * (they could carry internals); the digest is what an operator finds in the server log.
 */
export function RouteError({ error, reset, what = "This page" }: { error: Error & { digest?: string }; reset: () => void; what?: string }) {
  const reference = error.digest ? ` If it keeps happening, give your administrator the reference ${error.digest}.` : "";
  return (
    <div className="space-y-4">
      <ErrorMessage title={`${what} could not be loaded`} message={`The server could not answer just now. Try again in a moment.${reference}`} />
      <Button variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
