import type { z } from "zod";
import type { Scope } from "./scopes";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Who may call an operation.
 * - `public`: anyone (health probes, the API description, sign-up).
 * - `principal`: a signed-in user or an API key, acting in one organization, with `scope`.
 * - `user`: a signed-in user (session), with or without an organization.
 * - `platform_admin`: a signed-in platform administrator (session).
 * - `sidecar`: a sidecar token (`bws_…`, bound to one project), or an API key with
 *   `ingest:write` naming the project in `?projectId=`.
 */
export type OperationAuth = "public" | "principal" | "user" | "platform_admin" | "sidecar";

export interface OperationResponse {
  description: string;
  schema?: z.ZodType;
  /** Media type when the body is not JSON (e.g. text/event-stream). */
  contentType?: string;
}

/**
 * One REST operation, declared once: the route handler validates against it, the OpenAPI
 * document is generated from it, and the SDK is typed by it.
 */
export interface Operation<
  TParams extends z.ZodType = z.ZodType,
  TQuery extends z.ZodType = z.ZodType,
  TBody extends z.ZodType = z.ZodType,
  TResponse extends z.ZodType = z.ZodType,
  TAuth extends OperationAuth = OperationAuth,
> {
  id: string;
  method: HttpMethod;
  /** OpenAPI-style path, e.g. `/api/v1/projects/{id}`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  auth: TAuth;
  /** Scope the caller needs; every `principal` operation names one (a test enforces it). */
  scope?: Scope;
  params?: TParams;
  query?: TQuery;
  body?: TBody;
  /** A valid request body, shown in API.md and used by the generated route checks. */
  exampleBody?: z.input<TBody>;
  /** Path parameters for the documented example request (every operation with `params` has them). */
  exampleParams?: z.input<TParams>;
  /** Query parameters for the documented example request, where they show something useful. */
  exampleQuery?: z.input<TQuery>;
  /**
   * The success response of the example request: a value `success.schema` accepts unchanged, or,
   * for a body that is not JSON (`success.contentType`), an excerpt of it as text. A test holds
   * every operation to it, so API.md cannot drift from what the schema allows.
   */
  exampleResponse?: z.output<TResponse>;
  /**
   * Status and schema of the success response. `contentType` names a body that is not JSON; a
   * list when the request chooses among several (the first is the example's).
   */
  success: { status: number; description: string; schema?: TResponse; contentType?: string | readonly string[] };
  /** Error statuses this operation documents beyond the common ones. */
  errors?: number[];
}

export type AnyOperation = Operation<z.ZodType, z.ZodType, z.ZodType, z.ZodType, OperationAuth>;

export function defineOperation<
  TParams extends z.ZodType = z.ZodType,
  TQuery extends z.ZodType = z.ZodType,
  TBody extends z.ZodType = z.ZodType,
  TResponse extends z.ZodType = z.ZodType,
  TAuth extends OperationAuth = OperationAuth,
>(op: Operation<TParams, TQuery, TBody, TResponse, TAuth>): Operation<TParams, TQuery, TBody, TResponse, TAuth> {
  return op;
}
