import { AsyncLocalStorage } from "node:async_hooks";

/** Ids every log line written inside a unit of work carries (`requestId`, `runId`). */
export type LogBindings = Record<string, string>;

const storage = new AsyncLocalStorage<LogBindings>();

/**
 * Runs `fn` with `bindings` added to every line any logger writes inside it, however deep the
 * call: a service logging through the shared logger still names the request or run it served.
 */
export function withLogContext<T>(bindings: LogBindings, fn: () => T): T {
  const outer = storage.getStore();
  return storage.run(outer ? { ...outer, ...bindings } : bindings, fn);
}

export function logContext(): LogBindings | undefined {
  return storage.getStore();
}

/**
 * Runs `fn` outside any log context: for long-lived resources (a connection pool, a queue client)
 * first started while serving a request, whose later callbacks must not log in that request's name.
 */
export function withoutLogContext<T>(fn: () => T): T {
  return storage.exit(fn);
}
