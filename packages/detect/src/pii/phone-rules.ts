import { defineRule } from "../rules/define-rule";

/**
 * International numbers written with a leading `+` (E.164, optionally grouped by spaces, dots,
 * dashes or a bracketed trunk prefix like `(0)`). After the country code only the first group
 * may be a single digit (+33 6 12 34 56 78, +61 2 9876 5432), so `+1.2.3.4.5.6.7.8` (a version
 * or a list) is not a phone number.
 */
const e164Rule = defineRule({
  id: "phone-e164",
  type: "pii",
  kind: "PHONE",
  priority: 50,
  keywords: ["+"],
  anchored: true,
  // Each repetition consumes exactly one digit, so the optional separators cannot be split
  // between repetitions in more than one way: linear.
  pattern: /(?<![A-Za-z0-9_+])\+[1-9](?:[ .-]?\(?[0-9]\)?){7,14}(?![0-9])/g,
  validate: (value) => {
    const digits = value.replace(/[^0-9]/g, "");
    if (digits.length < 9 || digits.length > 15) return false;
    const groups = value.slice(1).split(/[ .-]+/);
    return groups.slice(2).every((group) => group.replace(/[()]/g, "").length >= 2 || /^\([0-9]\)/.test(group));
  },
  description: "Phone numbers in international format (+44 20 7946 0958, +14155550123)",
});

/**
 * North American numbers: area code and exchange start with 2-9 and the groups must be separated
 * (or the area code bracketed). A bare ten-digit run is not taken: order numbers and ids look the
 * same, and dates (2024-01-15), versions (1.2.3) and serials glued to letters (SN-415-555-0134)
 * never fit the shape.
 */
const nanpRule = defineRule({
  id: "phone-nanp",
  type: "pii",
  kind: "PHONE",
  priority: 50,
  keywords: [],
  precheck: (shape) => shape.digits >= 10,
  pattern: /(?<![A-Za-z0-9_.+/-])(?:1[ .-])?(?:\([2-9][0-9]{2}\) ?|[2-9][0-9]{2}[ .-])[2-9][0-9]{2}[ .-][0-9]{4}(?![A-Za-z0-9_-]|[.,][0-9])/g,
  description: "North American phone numbers ((415) 555-0123, 415-555-0123, 1 800 555 0199)",
});

export const phoneRules = [e164Rule, nanpRule];
