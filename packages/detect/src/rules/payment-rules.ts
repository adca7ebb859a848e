import { type Rule } from "../types";
import { defineRule } from "./define-rule";
import { prefixedToken } from "./prefixed-token";

/** Payment and commerce platforms: keys that move money or read customers' orders. */
export const paymentRules: readonly Rule[] = [
  prefixedToken({ id: "stripe-secret-key", kind: "API_KEY", prefixes: ["sk_live_", "sk_test_"], body: "[A-Za-z0-9]{20,247}", description: "Stripe secret keys (sk_live_…, sk_test_…)" }),
  prefixedToken({ id: "stripe-restricted-key", kind: "API_KEY", prefixes: ["rk_live_", "rk_test_"], body: "[A-Za-z0-9]{20,247}", description: "Stripe restricted keys (rk_live_…)" }),
  prefixedToken({
    id: "stripe-publishable-key",
    kind: "API_KEY",
    prefixes: ["pk_live_", "pk_test_"],
    body: "[A-Za-z0-9]{20,247}",
    priority: 80,
    description: "Stripe publishable keys (pk_live_…): public by design, but they identify the account",
  }),
  prefixedToken({ id: "stripe-webhook-secret", kind: "SECRET", prefixes: ["whsec_"], body: "[A-Za-z0-9+/]{32,80}={0,2}", description: "Stripe webhook signing secrets (whsec_…)" }),
  defineRule({
    id: "square-access-token",
    type: "secret",
    kind: "TOKEN",
    priority: 90,
    keywords: ["sq0atp-", "eaaa"],
    anchored: true,
    pattern: /(?<![A-Za-z0-9_-])(?:sq0atp-[A-Za-z0-9_-]{22}|EAAA[A-Za-z0-9_-]{60})(?![A-Za-z0-9_-])/g,
    description: "Square access tokens (EAAA…, legacy sq0atp-…)",
  }),
  prefixedToken({ id: "square-oauth-secret", kind: "SECRET", prefixes: ["sq0csp-"], body: "[A-Za-z0-9_-]{43}", description: "Square OAuth application secrets (sq0csp-…)" }),
  prefixedToken({
    id: "shopify-token",
    kind: "TOKEN",
    prefixes: ["shpat_", "shpca_", "shppa_", "shpss_"],
    body: "[a-fA-F0-9]{32}",
    description: "Shopify admin, custom-app, private-app tokens and shared secrets (shpat_…)",
  }),
  defineRule({
    id: "braintree-access-token",
    type: "secret",
    kind: "TOKEN",
    priority: 90,
    keywords: ["access_token$"],
    anchored: true,
    pattern: /access_token\$(?:production|sandbox)\$[a-z0-9]{16}\$[a-f0-9]{32}/g,
    description: "Braintree / PayPal access tokens (access_token$production$…)",
  }),
];
