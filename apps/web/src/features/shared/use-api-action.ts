"use client";

import { useCallback, useState } from "react";
import { ApiError } from "./api-client";

/**
 * The state every form that calls the API needs: pending while the request runs, and the error
 * envelope (message, request id, per-field errors) when it fails. `run` resolves to the result,
 * or undefined after a failure, which is then in `error`.
 */
export function useApiAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setPending(true);
    setError(null);
    try {
      return await action();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError("The request failed. Check your connection.", 0, "network", undefined));
      return undefined;
    } finally {
      setPending(false);
    }
  }, []);
  const fieldError = (path: string) => error?.fields.find((field) => field.path === path)?.message;
  return { pending, error, fieldError, run };
}
