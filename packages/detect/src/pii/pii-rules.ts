import { defineRule } from "../rules/define-rule";
import { type Rule } from "../types";
import { emailRule } from "./email-rule";
import { findIbans } from "./find-ibans";
import { findPaymentCards } from "./find-payment-cards";
import { ipv4Rule } from "./ipv4-rule";
import { phoneRules } from "./phone-rules";
import { ssnRules } from "./ssn-rules";

/** Personal data: the second thing an agent must not hand out. */
export const piiRules: readonly Rule[] = [
  emailRule,
  ...phoneRules,
  ...ssnRules,
  defineRule({
    id: "payment-card",
    type: "pii",
    kind: "CREDIT_CARD",
    priority: 70,
    keywords: [],
    precheck: (shape) => shape.digits >= 12,
    find: findPaymentCards,
    description: "Payment card numbers: Visa, Mastercard (incl. 2-series), Amex, Discover, JCB, Diners, UnionPay; prefix, length, Luhn",
  }),
  defineRule({
    id: "iban",
    type: "pii",
    kind: "IBAN",
    priority: 70,
    keywords: [],
    precheck: (shape) => shape.digits >= 2 && shape.upper >= 2,
    find: findIbans,
    description: "IBANs (per-country length and mod-97 checksum), compact or in groups of four",
  }),
  ipv4Rule,
];
