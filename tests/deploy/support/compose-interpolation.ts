/**
 * Compose's variable interpolation (https://docs.docker.com/reference/compose-file/interpolation/):
 * `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`, `$VAR` and `$$`.
 * Compose interpolates every string value of the file, whatever the service's profile; keys
 * are left alone. Returns the interpolated document and one message per required variable
 * that is missing, as `docker compose config` would refuse them.
 */
export function interpolateCompose(document: unknown, env: Record<string, string | undefined>): { value: unknown; missing: string[] } {
  const missing: string[] = [];
  const expression = /\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
  const interpolate = (text: string) =>
    text.replace(expression, (match, braced: string | undefined, operator: string | undefined, word: string | undefined, bare: string | undefined) => {
      if (match === "$$") return "$";
      const name = (braced ?? bare)!;
      const value = env[name];
      const unsetOrEmpty = value === undefined || value === "";
      switch (operator) {
        case ":-": return unsetOrEmpty ? word! : value!;
        case "-": return value === undefined ? word! : value;
        case ":?":
        case "?":
          if (operator === ":?" ? unsetOrEmpty : value === undefined) {
            missing.push(`required variable ${name} is missing a value: ${word}`);
            return "";
          }
          return value!;
        default: return value ?? "";
      }
    });
  const walk = (node: unknown): unknown => {
    if (typeof node === "string") return interpolate(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, walk(child)]));
    return node;
  };
  const value = walk(document);
  return { value, missing: [...new Set(missing)] };
}
