import { defineRule } from "../rules/define-rule";
import { ssnValid } from "../validators/ssn-valid";

const SSN_CONTEXT = ["ssn", "social security", "ss#"];

/** US Social Security numbers, grouped 3-2-4 with one separator kind, valid per `ssnValid`. */
const separatedRule = defineRule({
  id: "us-ssn",
  type: "pii",
  kind: "SSN",
  priority: 70,
  keywords: [],
  precheck: (shape) => shape.digits >= 9,
  pattern: /(?<![A-Za-z0-9_.-])[0-9]{3}([- ])[0-9]{2}\1[0-9]{4}(?![A-Za-z0-9_-]|[.,][0-9])/g,
  validate: (value) => ssnValid(value.replace(/[- ]/g, "")),
  description: "US Social Security numbers written 123-45-6789 or 123 45 6789",
});

/**
 * Nine bare digits are only an SSN when labelled as one: unlabelled they are zip+4 codes, order
 * numbers and ids.
 */
const labelledRule = defineRule({
  id: "us-ssn-labelled",
  type: "pii",
  kind: "SSN",
  priority: 70,
  keywords: SSN_CONTEXT,
  anchored: true,
  pattern: /(?:ssn|social security(?: number| no\.?)?|ss#)[^0-9\r\n]{0,20}(?<ssn>[0-9]{9})(?![0-9])/gi,
  validate: ssnValid,
  description: "Nine-digit SSNs written without separators after an SSN label",
});

export const ssnRules = [separatedRule, labelledRule];
