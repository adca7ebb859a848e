// Shebang flags that @upstash/ratelimit (≥ 2.1) declares but stock Redis 7 does not know; EVAL
// of such a script fails with "Unexpected flag in script shebang". `allow-key-locking` is a
// concurrency hint for servers that run scripts in parallel on disjoint keys; stock Redis runs
// every script atomically on one thread, so dropping it changes nothing about what the script
// does. Unknown flags are NOT stripped: if a future release adds one that changes semantics,
// Redis should refuse it loudly rather than run the script under different rules.
const DROPPABLE_FLAGS = new Set(["allow-key-locking"]);

/**
 * The script with droppable shebang flags removed. The shebang itself stays (`#!lua` with no
 * flags), so Redis applies the same shebang-script rules (declared keys, refused under OOM)
 * the library was written for. Scripts without a shebang are returned unchanged.
 */
export function redis7Script(script: string): string {
  if (!script.startsWith("#!")) return script;
  const end = script.indexOf("\n");
  const shebang = end === -1 ? script : script.slice(0, end);
  const [engine = "", ...params] = shebang.split(/[ \t]+/).filter(Boolean);
  const kept = params.flatMap((param) => {
    if (!param.startsWith("flags=")) return [param];
    const flags = param.slice("flags=".length).split(",").filter((flag) => flag && !DROPPABLE_FLAGS.has(flag));
    return flags.length > 0 ? [`flags=${flags.join(",")}`] : [];
  });
  return [engine, ...kept].join(" ") + script.slice(shebang.length);
}
