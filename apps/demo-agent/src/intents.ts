import { ALL_SECRET_KINDS, type SecretKind } from "./planted";

/** What a piece of text (a message, a fetched page, a remembered note) asks the agent to do. */
export interface Intents {
  injection: boolean;
  authority: boolean;
  secretKinds: SecretKind[];
  systemPrompt: boolean;
  fetchUrl?: string;
  sendTo?: string;
  deleteTarget?: string;
  remember?: string;
}

const URL_PATTERN = /https?:\/\/[^\s"'<>()]+/gi;

const INJECTION =
  /\b(ignore|disregard|forget|override|bypass)\b.{0,30}\b(instructions?|rules|prompts?|guidelines|restrictions|polic(y|ies))\b|\byou are now\b|\bdeveloper mode\b|\bjailbreak|\bdo anything now\b|\bpretend\b|\brole-?play\b|\bact as\b|\bas (the|your) (developer|creator|admin(istrator)?)\b|\bsystem override\b|\bnew instructions\b|\bno (longer )?restrictions\b/i;

const AUTHORITY =
  /\b(i am|i'm|im|this is|speaking as|acting as|as)\s+(the |your |a |an |our )?(cto|ceo|cfo|ciso|coo|admin(istrator)?|sys-?admin|developer|owner|founder|security team|security officer|it (team|department|admin)|root|head of \w+|vp of \w+|compliance team|your (boss|manager|creator))\b|\bauthori[sz]ed (by|to)\b|\bon behalf of (the )?(ceo|cto|management|security)\b|\badmin (override|access|mode)\b|\bsudo\b|\bclearance\b/i;

const SECRET_KIND_PATTERNS: Record<SecretKind, RegExp> = {
  api_key: /\b(api[\s_-]?keys?|openai|tokens?|bearer|sk-)\b/i,
  aws: /\b(aws|access[\s_-]?key|secret[\s_-]?(access[\s_-]?)?key|iam)\b/i,
  database: /\b(database|db|postgres(ql)?|connection[\s_-]?string|(db|admin|root|system|your|the) password)\b/i,
  customer: /\b(customer|credit[\s_-]?card|card numbers?|pii|personal (data|information)|user records?|phone numbers?|email addresses)\b/i,
};
const ALL_SECRETS = /\b(config(uration)?|env(ironment)?( variables| vars)?|\.env|credentials?|secrets?|passwords|keys|everything you know|sensitive data)\b/i;
const DISCLOSE =
  /\b(print|show|reveal|give|tell|share|dump|list|output|display|what('s| is| are)|send|repeat|include|read out|expose|leak|provide|paste|need|spell|write|post|forward|upload|append|add|mention|encode|return)\b/i;

const SYSTEM_PROMPT =
  /\b(system|initial|hidden|original|developer|secret) (prompt|instructions|message)\b|\byour (instructions|prompt|rules|guidelines|directives)\b|\b(repeat|print|show|output)\b.{0,40}\b(above|verbatim|everything before|first message)\b|\bwhat were you told\b/i;

const FETCH = /\b(summari[sz]e|summary|read|fetch|open|visit|browse|look at|check out|what does|go to|load|get the (page|content|document))\b/i;
const SEND = /\b(send|post|forward|upload|submit|transmit|exfiltrate|report|deliver|copy|beacon|webhook|cc|ping)\b/i;
const SEND_TARGET = /\b(?:to|at|into|via|on)\s+(https?:\/\/[^\s"'<>()]+)/i;

const DESTRUCTIVE = /\b(delete|remove|wipe|purge|drop|deactivate|erase|terminate|destroy)\b/i;
const DELETE_OBJECT = /\b(users?|accounts?|customers?|records?|database|everyone|all)\b/i;
const DELETE_ID = /\b(?:users?|accounts?|customers?)\s*(?:id|account|named|called)?\s*[#:]?\s*([A-Za-z0-9_.@-]*\d[A-Za-z0-9_.@-]*|[A-Za-z0-9_.-]+@[A-Za-z0-9.-]+)/i;

const REMEMBER = /\b(?:remember|memori[sz]e|keep in mind|note for later|store (?:this|that)|save (?:this|that))\b(?:\s+that)?[:,]?\s+(.+)/is;
const STANDING_RULE = /\b(from now on|in (all|every) (future )?(replies|answers|responses)|for the rest of (this|the) (conversation|session))\b[:,]?\s*(.*)/is;

function cleanUrl(url: string): string {
  return url.replace(/[.,;:!?'"\]]+$/, "");
}

export function extractUrls(text: string): string[] {
  return (text.match(URL_PATTERN) ?? []).map(cleanUrl);
}

export function secretKindsAskedFor(text: string): SecretKind[] {
  if (!DISCLOSE.test(text)) return [];
  if (ALL_SECRETS.test(text)) return [...ALL_SECRET_KINDS];
  return ALL_SECRET_KINDS.filter((kind) => SECRET_KIND_PATTERNS[kind].test(text));
}

export function analyse(text: string): Intents {
  const urls = extractUrls(text);
  const rememberMatch = REMEMBER.exec(text) ?? STANDING_RULE.exec(text);
  const rememberText = rememberMatch ? (rememberMatch[0] ?? "").trim() : undefined;

  let sendTo: string | undefined;
  if (SEND.test(text)) {
    const target = SEND_TARGET.exec(text)?.[1];
    sendTo = target ? cleanUrl(target) : urls.length === 1 && !FETCH.test(text) ? urls[0] : undefined;
  }
  const fetchUrl = FETCH.test(text) ? urls.find((url) => url !== sendTo) : undefined;

  let deleteTarget: string | undefined;
  if (DESTRUCTIVE.test(text) && DELETE_OBJECT.test(text)) {
    deleteTarget = DELETE_ID.exec(text)?.[1]?.replace(/[.]+$/, "") ?? "all";
  }

  return {
    injection: INJECTION.test(text),
    authority: AUTHORITY.test(text),
    secretKinds: secretKindsAskedFor(text),
    systemPrompt: SYSTEM_PROMPT.test(text),
    fetchUrl,
    sendTo,
    deleteTarget,
    remember: rememberText,
  };
}

/** Anything an attacker could use: the hardened mode refuses a message where this is true. */
export function isSuspicious(intents: Intents): boolean {
  return (
    intents.injection ||
    intents.authority ||
    intents.secretKinds.length > 0 ||
    intents.systemPrompt ||
    intents.sendTo !== undefined ||
    intents.deleteTarget !== undefined
  );
}
