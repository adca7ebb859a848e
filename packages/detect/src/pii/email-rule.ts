import { defineRule } from "../rules/define-rule";
import { findEmails } from "./find-emails";

export const emailRule = defineRule({
  id: "email",
  type: "pii",
  kind: "EMAIL",
  priority: 50,
  keywords: ["@"],
  find: findEmails,
  description: "Email addresses",
});
