import { defineRule } from "../rules/define-rule";

const OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
const VERSION_CONTEXT = /(?:^|[^A-Za-z])(?:version|ver\.?|release|build|firmware)\s*[:=]?\s*$/i;

/**
 * IPv4 addresses. Decision: public *and* private addresses are flagged. Public ones identify
 * people (personal data); private, carrier-grade NAT and link-local ones (169.254.169.254, the
 * cloud metadata service) map the internal network, which is what an attacker probing an agent
 * wants. Not flagged, as they reveal nothing: loopback 127/8, "this network" 0/8, multicast and
 * reserved 224-255 (which also keeps netmasks like 255.255.255.0 out). Four-part version numbers
 * labelled as versions are skipped, and a fifth part (an OID) disqualifies.
 */
export const ipv4Rule = defineRule({
  id: "ipv4",
  type: "pii",
  kind: "IPV4",
  priority: 50,
  keywords: [],
  precheck: (shape) => shape.dots >= 3 && shape.digits >= 4,
  pattern: new RegExp(`(?<![A-Za-z0-9_.-])(?:${OCTET}\\.){3}${OCTET}(?![0-9]|\\.[0-9])`, "g"),
  validate: (value, context) => {
    const first = Number(value.slice(0, value.indexOf(".")));
    if (first === 0 || first === 127 || first >= 224) return false;
    return !VERSION_CONTEXT.test(context.text.slice(Math.max(0, context.matchStart - 16), context.matchStart));
  },
  description: "IPv4 addresses (public and private; not loopback, 0/8 or 224-255)",
});
