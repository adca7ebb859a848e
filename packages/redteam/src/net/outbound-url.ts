import { z } from "zod";

/**
 * A user-configured URL the platform will call (an agent, the LLM judge): absolute http(s), and
 * no credentials in it — they would leak into logs and reports; each caller has a proper field
 * for them (`credentialsHint` names it). Reachability is guardedFetch's business, at call time.
 */
export function OutboundUrl(credentialsHint: string) {
  return z
    .string()
    .trim()
    .max(2048)
    .superRefine((value, ctx) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return ctx.addIssue({ code: "custom", message: "must be an absolute URL" });
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") ctx.addIssue({ code: "custom", message: "must use http or https" });
      if (url.username || url.password) ctx.addIssue({ code: "custom", message: `must not contain credentials; ${credentialsHint}` });
    });
}
