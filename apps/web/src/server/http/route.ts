import "server-only";
import { AppError, forbidden, type Operation, type OperationAuth } from "@bulwark/contracts";
import type { z } from "zod";
import { env } from "@/env";
import { authenticate, authenticateUser } from "@/server/auth/authenticate";
import { authenticateSidecar, type SidecarPrincipal } from "@/server/auth/authenticate-sidecar";
import type { ServiceContext, UserContext } from "@/server/auth/principal";
import { log } from "@/server/log";
import { observeRequest } from "@/server/metrics/record";
import { checkRateLimit, clientIp, type PolicyName, rateLimitError, rateLimitHeaders } from "@/server/rate-limit";
import { errorResponse, toAppError } from "./error-response";
import { parseInput, type RouteContext } from "./parse-input";
import { getRequestId } from "./request-id";
import { inRequestScope } from "./request-scope";
import { requestFacts } from "./request-facts";

/** What a public handler knows about its request. */
export interface RequestContext {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

export interface RouteOptions {
  /** Largest accepted body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /**
   * The rate limit policy (default: `api.read` for GET, `api.write` otherwise). `false` only for
   * probes an orchestrator calls (health, readiness).
   */
  rateLimit?: PolicyName | false;
}

/** What a sidecar operation knows: the project the token (or the key) sends for. */
export type SidecarContext = RequestContext & SidecarPrincipal;

type Output<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface HandlerArgs<P, Q, B, A extends OperationAuth> {
  req: Request;
  /** An org-scoped operation gets the caller's org, actor and scopes; a user one the person; a public one the request. */
  ctx: A extends "principal"
    ? ServiceContext
    : A extends "user" | "platform_admin"
      ? UserContext
      : A extends "sidecar"
        ? SidecarContext
        : RequestContext;
  params: Output<P>;
  query: Output<Q>;
  body: Output<B>;
}

type HandlerResult<R> = (R extends z.ZodType ? z.input<R> : unknown) | Response;

// In development and tests every response is checked against its declared schema, so the
// OpenAPI document cannot silently drift from what handlers return. Production skips the cost.
const validateResponses = env.NODE_ENV !== "production";

/**
 * Wraps a route handler: request id → authenticate → rate limit → check the operation's scope →
 * parse and validate input → call the handler → validate the response (dev/test) → map errors
 * to the one envelope. The handler only calls a service.
 */
export function route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType, A extends OperationAuth>(
  op: Operation<P, Q, B, R, A>,
  options: RouteOptions,
  handler: (args: HandlerArgs<P, Q, B, A>) => Promise<HandlerResult<R>> | HandlerResult<R>,
) {
  return async function handle(req: Request, context?: RouteContext): Promise<Response> {
    const requestId = getRequestId(req.headers);
    return inRequestScope(op, requestId, () => respond(req, context, requestId));
  };

  async function respond(req: Request, context: RouteContext | undefined, requestId: string): Promise<Response> {
    const started = performance.now();
    const policy = options.rateLimit ?? (op.method === "GET" ? "api.read" : "api.write");
    let limitHeaders: Record<string, string> = {};
    let response: Response;
    try {
      const ctx = await resolveContext(op, req, requestId, policy);
      if (policy) limitHeaders = await enforceRateLimit(policy, req, ctx);
      if (op.auth === "principal") assertScope(op, ctx as ServiceContext);
      const input = await parseInput(op, req, context, options.maxBodyBytes);
      const result = await handler({
        req,
        ctx: ctx as HandlerArgs<P, Q, B, A>["ctx"],
        params: input.params as Output<P>,
        query: input.query as Output<Q>,
        body: input.body as Output<B>,
      });
      response = result instanceof Response ? result : jsonResponse(op, result, requestId);
    } catch (error) {
      response = errorResponse(toAppError(error, requestId), requestId);
    }
    for (const [name, value] of Object.entries(limitHeaders)) if (!response.headers.has(name)) response.headers.set(name, value);
    response.headers.set("X-Request-Id", requestId);
    if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "no-store");
    log.info(
      { requestId, op: op.id, method: req.method, status: response.status, ms: Math.round(performance.now() - started) },
      "request",
    );
    observeRequest(op.path, op.method, response.status, started);
    return response;
  }
}

/**
 * Counts the request against its policy: per principal and organization when authenticated,
 * per client address otherwise. Returns the headers every limited response carries; throws
 * 429 (with Retry-After) when over the limit.
 */
async function enforceRateLimit(policy: PolicyName, req: Request, ctx: RequestContext | ServiceContext | UserContext | SidecarContext) {
  const ip = clientIp(req.headers, env.TRUST_PROXY);
  const identity =
    "principalId" in ctx
      ? { ip, principalId: ctx.principalId, orgId: ctx.orgId }
      : "actor" in ctx
      ? { ip, principalId: ctx.actor.type === "api_key" ? ctx.actor.apiKeyId : ctx.actor.userId, orgId: ctx.orgId }
      : "userId" in ctx
        ? { ip, principalId: ctx.userId }
        : { ip };
  const result = await checkRateLimit(policy, identity);
  if (!result.success) throw rateLimitError(result);
  return rateLimitHeaders(result);
}

function assertScope(op: Operation<z.ZodType, z.ZodType, z.ZodType, z.ZodType, OperationAuth>, ctx: ServiceContext) {
  if (!op.scope || !ctx.scopes.includes(op.scope)) throw forbidden(`This operation needs the ${op.scope ?? "(unknown)"} scope.`);
}

async function resolveContext(
  op: Operation<z.ZodType, z.ZodType, z.ZodType, z.ZodType, OperationAuth>,
  req: Request,
  requestId: string,
  policy: PolicyName | false,
): Promise<RequestContext | ServiceContext | UserContext | SidecarContext> {
  const facts = { requestId, ...requestFacts(req.headers) };
  if (op.auth === "public") return facts;
  try {
    if (op.auth === "sidecar") {
      // An API key standing in for a sidecar names its project in the query (the body is not
      // parsed before authentication).
      const projectId = new URL(req.url).searchParams.get("projectId") ?? undefined;
      return { ...facts, ...(await authenticateSidecar(req, { projectId })) };
    }
    if (op.auth === "user" || op.auth === "platform_admin") {
      const user = await authenticateUser(req, { platformAdmin: op.auth === "platform_admin" });
      return { ...facts, userId: user.userId, isPlatformAdmin: user.isPlatformAdmin, orgId: user.activeOrg?.orgId ?? null };
    }
    const principal = await authenticate(req);
    return {
      ...facts,
      orgId: principal.orgId,
      actor: principal.actor,
      role: principal.role,
      scopes: principal.scopes,
      isPlatformAdmin: principal.isPlatformAdmin,
    };
  } catch (error) {
    // Failed credentials, on any route, spend one per-address budget (`auth.token`), so guessing
    // keys or tokens or replaying stale cookies runs into 429 like any other flood.
    if (policy !== false && error instanceof AppError && error.code === "unauthorized") await enforceRateLimit("auth.token", req, facts);
    throw error;
  }
}

function jsonResponse(op: Operation<z.ZodType, z.ZodType, z.ZodType, z.ZodType, OperationAuth>, result: unknown, requestId: string) {
  const schema = op.success.schema;
  if (validateResponses && schema) {
    const checked = schema.safeParse(result);
    if (!checked.success) {
      log.error({ requestId, op: op.id, issues: checked.error.issues }, "response does not match its schema");
      throw new AppError("internal_error", "The server produced an invalid response.");
    }
  }
  return Response.json(result ?? null, { status: op.success.status });
}
