import { randomBytes } from "node:crypto";

const MAX_BASE_LENGTH = 40;
const SUFFIX_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** `"Ächme  Security!"` → `"achme-security"`: lower-case ASCII letters, digits and single dashes. */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, MAX_BASE_LENGTH)
    .replace(/-+$/, "");
  return slug || "org";
}

/**
 * Slugs to try in order: the plain one, then ones with a random suffix. Random rather than
 * counting (`acme-2`), so concurrent creators of "Acme" do not all race for the same next slug.
 */
export function slugCandidates(name: string, attempts = 6): string[] {
  const base = slugify(name);
  const suffixed = Array.from({ length: attempts - 1 }, () => {
    const suffix = Array.from(randomBytes(6), (byte) => SUFFIX_ALPHABET[byte % 32]).join("");
    return `${base}-${suffix}`;
  });
  return [base, ...suffixed];
}
