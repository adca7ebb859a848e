export const WEAKNESSES = [
  "secret_leak",
  "indirect_injection",
  "exfiltration",
  "privileged_action",
  "memory_poisoning",
  "system_prompt_leak",
] as const;

export type Weakness = (typeof WEAKNESSES)[number];

function isWeakness(value: string): value is Weakness {
  return (WEAKNESSES as readonly string[]).includes(value);
}

/**
 * `undefined`/empty → all on. `a,b` → only those. `-a,-b` → all but those. `all,-a` works too.
 * Unknown names throw so a typo never silently disables a weakness in a demo.
 */
export function parseWeaknesses(spec: string | undefined): ReadonlySet<Weakness> {
  const entries = (spec ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return new Set(WEAKNESSES);
  const additive = entries.filter((entry) => !entry.startsWith("-"));
  const enabled = new Set<Weakness>(additive.length === 0 || additive.includes("all") ? WEAKNESSES : []);
  for (const entry of entries) {
    const name = entry.replace(/^-/, "");
    if (name === "all") continue;
    if (!isWeakness(name)) throw new Error(`Unknown weakness "${name}" (known: all, ${WEAKNESSES.join(", ")})`);
    if (entry.startsWith("-")) enabled.delete(name);
    else enabled.add(name);
  }
  return enabled;
}
