import type { RunCategory } from "@bulwark/contracts";

/** One turn as the editor holds it. */
export interface TurnDraft {
  direct: string;
  role_play: string;
  encoded: string;
  judge: boolean;
}

export const CHECK_DETECTORS = ["canary", "secret_pattern", "egress_data", "privileged_internal", "refusal"] as const;
export type CheckDetector = (typeof CHECK_DETECTORS)[number];

/**
 * The editor's state: text as typed, turned into a scenario document by `toDocument`. Parts of
 * a loaded document the form does not show (documents, exploitability, ATLAS and agentic ids,
 * references, detector options) ride along in `base`, so editing never drops them.
 */
export interface ScenarioDraft {
  key: string;
  category: RunCategory | "";
  title: string;
  severity: string;
  description: string;
  turns: TurnDraft[];
  /** One canary per line: `name kind`. */
  canaries: string;
  checks: Record<CheckDetector, boolean>;
  /** One case-insensitive pattern per line. */
  replyPatterns: string;
  /** One tool name per line. */
  forbiddenTools: string;
  /** OWASP LLM Top 10 ids, separated by commas or spaces. */
  owaspLlm: string;
  remediationSummary: string;
  /** One step per line. */
  remediationSteps: string;
  base: Record<string, unknown>;
}

/** Where the editor shows a problem: a form field, or the general list. */
export type DraftField =
  | "key"
  | "category"
  | "title"
  | "severity"
  | "description"
  | "turns"
  | `turns.${number}.${keyof TurnDraft}`
  | "canaries"
  | "checks"
  | "replyPatterns"
  | "forbiddenTools"
  | "owaspLlm"
  | "remediationSummary"
  | "remediationSteps"
  | "general";

export const emptyTurn = (): TurnDraft => ({ direct: "", role_play: "", encoded: "", judge: true });

export function emptyDraft(): ScenarioDraft {
  return {
    key: "",
    category: "",
    title: "",
    severity: "high",
    description: "",
    turns: [emptyTurn()],
    canaries: "",
    checks: { canary: false, secret_pattern: false, egress_data: false, privileged_internal: false, refusal: true },
    replyPatterns: "",
    forbiddenTools: "",
    owaspLlm: "",
    remediationSummary: "",
    remediationSteps: "",
    base: {},
  };
}

type Json = Record<string, unknown>;
const lines = (text: string) => text.split("\n").map((line) => line.trim()).filter(Boolean);
const record = (value: unknown): Json => (value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * The document the API takes, and for each of its detectors the field that produced it (so a
 * problem at `detectors.2.patterns.0` is shown under the reply patterns).
 */
export function toDocument(draft: ScenarioDraft, version: number): { document: Json; detectorFields: DraftField[] } {
  const base = draft.base;
  const baseDetectors = list(base.detectors).map(record);
  const detectors: Json[] = [];
  const detectorFields: DraftField[] = [];
  for (const type of CHECK_DETECTORS) {
    if (!draft.checks[type]) continue;
    detectors.push(baseDetectors.find((detector) => detector.type === type) ?? { type });
    detectorFields.push("checks");
  }
  const patterns = lines(draft.replyPatterns);
  if (patterns.length > 0) {
    detectors.push({ type: "reply_pattern", patterns });
    detectorFields.push("replyPatterns");
  }
  const tools = lines(draft.forbiddenTools);
  if (tools.length > 0) {
    detectors.push({ type: "forbidden_tool", tools });
    detectorFields.push("forbiddenTools");
  }
  const setup = record(base.setup);
  const mappings = record(base.mappings);
  const remediation = record(base.remediation);
  const document: Json = {
    ...base,
    key: draft.key.trim(),
    version,
    category: draft.category,
    title: draft.title.trim(),
    severity: draft.severity,
    description: draft.description.trim(),
    setup: {
      ...setup,
      canaries: lines(draft.canaries).map((line) => {
        const [name = "", kind = ""] = line.split(/\s+/);
        return { name, kind };
      }),
    },
    turns: draft.turns.map((turn) => ({ phrasings: { direct: turn.direct, role_play: turn.role_play, encoded: turn.encoded }, judge: turn.judge })),
    detectors,
    mappings: { ...mappings, owaspLlm: draft.owaspLlm.split(/[\s,]+/).filter(Boolean) },
    remediation: { ...remediation, summary: draft.remediationSummary.trim(), steps: lines(draft.remediationSteps) },
  };
  return { document, detectorFields };
}

/** A stored document back into the editor (to store a new version of it). */
export function fromDocument(document: Json): ScenarioDraft {
  const detectors = list(document.detectors).map(record);
  const has = (type: string) => detectors.some((detector) => detector.type === type);
  const strings = (value: unknown) => list(value).map(String);
  const setup = record(document.setup);
  return {
    key: String(document.key ?? ""),
    category: String(document.category ?? "") as RunCategory,
    title: String(document.title ?? ""),
    severity: String(document.severity ?? "high"),
    description: String(document.description ?? ""),
    turns: list(document.turns).map((value) => {
      const turn = record(value);
      const phrasings = record(turn.phrasings);
      return { direct: String(phrasings.direct ?? ""), role_play: String(phrasings.role_play ?? ""), encoded: String(phrasings.encoded ?? ""), judge: turn.judge !== false };
    }),
    canaries: list(setup.canaries)
      .map(record)
      .map((canary) => `${String(canary.name ?? "")} ${String(canary.kind ?? "")}`)
      .join("\n"),
    checks: Object.fromEntries(CHECK_DETECTORS.map((type) => [type, has(type)])) as Record<CheckDetector, boolean>,
    replyPatterns: detectors.filter((d) => d.type === "reply_pattern").flatMap((d) => strings(d.patterns)).join("\n"),
    forbiddenTools: detectors.filter((d) => d.type === "forbidden_tool").flatMap((d) => strings(d.tools)).join("\n"),
    owaspLlm: strings(record(document.mappings).owaspLlm).join(", "),
    remediationSummary: String(record(document.remediation).summary ?? ""),
    remediationSteps: strings(record(document.remediation).steps).join("\n"),
    base: document,
  };
}

const SIMPLE = new Set(["key", "category", "title", "severity", "description"]);
const TURN_PARTS = new Set(["direct", "role_play", "encoded"]);

/** The field a problem at `path` (as the validator and the API's 422 name it) belongs to. */
export function fieldForPath(path: string, detectorFields: DraftField[]): DraftField {
  const [head, second, third, fourth] = path.split(".");
  if (head && SIMPLE.has(head)) return head as DraftField;
  if (head === "turns") {
    if (second === undefined || !/^\d+$/.test(second)) return "turns";
    if (third === "phrasings" && fourth && TURN_PARTS.has(fourth)) return `turns.${Number(second)}.${fourth as keyof TurnDraft}`;
    if (third === "judge") return `turns.${Number(second)}.judge`;
    return "turns";
  }
  if (head === "detectors") return (second !== undefined ? detectorFields[Number(second)] : undefined) ?? "checks";
  if (head === "setup" && second === "canaries") return "canaries";
  if (head === "mappings" && second === "owaspLlm") return "owaspLlm";
  if (head === "remediation" && second === "summary") return "remediationSummary";
  if (head === "remediation" && second === "steps") return "remediationSteps";
  return "general";
}
