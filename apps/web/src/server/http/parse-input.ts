import "server-only";
import { AppError, type AnyOperation, invalidInput, zodIssueFields } from "@bulwark/contracts";
import type { z } from "zod";

/** Bodies above this are refused with 413 before they are parsed. Operations may lower or raise it. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface RouteContext {
  params?: Promise<Record<string, string | string[] | undefined>>;
}

function validationError(where: "body" | "query" | "path", error: z.ZodError): AppError {
  return invalidInput(where, zodIssueFields(error));
}

function searchParamsToObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  const tooLarge = () =>
    new AppError("payload_too_large", `The request body exceeds ${maxBytes} bytes.`, { details: { limitBytes: maxBytes } });
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!req.body) return "";
  // Count while reading: Content-Length can be absent (chunked) or wrong.
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function parseJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const contentType = req.headers.get("content-type") ?? "";
  const text = await readBodyText(req, maxBytes);
  if (text.length > 0 && !/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new AppError("unsupported_media_type", "Send the request body as application/json.");
  }
  if (text.trim().length === 0) {
    throw new AppError("invalid_json", "The request body is empty; this operation expects a JSON body.");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "The request body is not valid JSON.");
  }
}

export interface ParsedInput {
  params: unknown;
  query: unknown;
  body: unknown;
}

/** Validates path parameters, query and body against the operation's schemas (400/413/415/422). */
export async function parseInput(
  op: AnyOperation,
  req: Request,
  context: RouteContext | undefined,
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
): Promise<ParsedInput> {
  let params: unknown = undefined;
  if (op.params) {
    const parsed = op.params.safeParse((await context?.params) ?? {});
    // A malformed id can never name an existing resource: answer as for any unknown resource.
    if (!parsed.success) throw new AppError("not_found", "The resource does not exist.");
    params = parsed.data;
  }

  let query: unknown = undefined;
  if (op.query) {
    const parsed = op.query.safeParse(searchParamsToObject(new URL(req.url).searchParams));
    if (!parsed.success) throw validationError("query", parsed.error);
    query = parsed.data;
  }

  let body: unknown = undefined;
  if (op.body) {
    const parsed = op.body.safeParse(await parseJsonBody(req, maxBodyBytes));
    if (!parsed.success) throw validationError("body", parsed.error);
    body = parsed.data;
  }

  return { params, query, body };
}
