/** What the e2e global setup hands to every browser-test worker (vitest `inject("e2e")`). */
export type E2eContext =
  | {
      ready: true;
      /** The built app, started by the global setup: http://127.0.0.1:<port>. */
      baseUrl: string;
      chromiumPath: string;
      /** The e2e database (the test server's `<name>_e2e`), for seeding with the bootstrap CLI or SQL. */
      databaseUrl: string;
      /** Absolute path of test-results/screenshots. */
      screenshotDir: string;
    }
  | {
      ready: false;
      /** Why the browser tests are skipped on this machine, with how to fix it. */
      skipReason: string;
    };

declare module "vitest" {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}
