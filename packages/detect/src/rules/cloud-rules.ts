import { type Rule } from "../types";
import { shannonEntropy } from "../validators/shannon-entropy";
import { contextRule } from "./context-rule";
import { defineRule } from "./define-rule";
import { prefixedToken } from "./prefixed-token";

const AWS_ID_PREFIXES = ["AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AIPA", "ANPA", "ANVA", "AROA", "APKA", "ASCA"];

/** A random 40-character AWS secret: mixed case and digits or symbols, far from a hex digest. */
function looksLikeAwsSecret(value: string): boolean {
  return /[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9/+]/.test(value) && shannonEntropy(value) >= 4;
}

/** The word AWS, an access key id, or the column header of an IAM credentials CSV export. */
const AWS_SECRET_CONTEXT = ["aws", "akia", "asia", "secret access key"];

/** Cloud platforms: keys that open whole accounts. */
export const cloudRules: readonly Rule[] = [
  defineRule({
    id: "aws-access-key-id",
    type: "secret",
    kind: "AWS_KEY",
    priority: 90,
    keywords: AWS_ID_PREFIXES.map((prefix) => prefix.toLowerCase()),
    anchored: true,
    pattern: new RegExp(`(?<![A-Za-z0-9])(?:${AWS_ID_PREFIXES.join("|")})[A-Z0-9]{16}(?![A-Za-z0-9])`, "g"),
    validate: (value) => shannonEntropy(value) >= 2.5,
    description: "AWS access key ids (AKIA… long-term, ASIA… temporary, and the other IAM id prefixes)",
  }),
  defineRule({
    id: "aws-secret-access-key",
    type: "secret",
    kind: "AWS_KEY",
    priority: 65,
    keywords: ["secret_access_key", "secret-access-key", "secretaccesskey", "aws_secret", "aws-secret", "awssecret"],
    anchored: true,
    pattern:
      /(?:secret[_-]?access[_-]?key|aws[_-]?secret(?:[_-]?key)?)["']?\s{0,5}(?:=>|:=|[:=])\s{0,5}["']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
    validate: looksLikeAwsSecret,
    description: "AWS secret access keys assigned to aws_secret_access_key / SecretAccessKey",
  }),
  contextRule({
    id: "aws-secret-key-in-context",
    kind: "AWS_KEY",
    priority: 60,
    context: AWS_SECRET_CONTEXT,
    candidate: /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
    maxLength: 40,
    validate: looksLikeAwsSecret,
    description: "A 40-character base64 string within 160 characters after AWS, an access key id or an IAM CSV header",
  }),
  prefixedToken({ id: "google-api-key", kind: "API_KEY", prefixes: ["AIza"], body: "[A-Za-z0-9_-]{35}", description: "Google API keys (AIza…)" }),
  prefixedToken({
    id: "google-oauth-client-secret",
    kind: "SECRET",
    prefixes: ["GOCSPX-"],
    body: "[A-Za-z0-9_-]{28}",
    description: "Google OAuth client secrets (GOCSPX-…)",
  }),
  defineRule({
    id: "gcp-service-account-key",
    type: "secret",
    kind: "PRIVATE_KEY",
    priority: 100,
    keywords: ['"private_key"'],
    anchored: true,
    // The JSON-escaped form, as it appears in a key file pasted into a prompt or a request body.
    // The body class excludes '-' and '"', so a run cannot swallow the next key.
    pattern:
      /"private_key"\s{0,3}:\s{0,3}"(?<secret>-----BEGIN (?:RSA )?PRIVATE KEY-----(?:\\n)?[A-Za-z0-9+/=\\]{64,8192}-----END (?:RSA )?PRIVATE KEY-----(?:\\n)?)"/g,
    description: "The private_key of a GCP service account JSON key file",
  }),
  defineRule({
    id: "azure-storage-connection-string",
    type: "secret",
    kind: "CONNECTION_STRING",
    priority: 95,
    keywords: ["defaultendpointsprotocol="],
    anchored: true,
    pattern:
      /DefaultEndpointsProtocol=https?;AccountName=[a-z0-9]{3,24};AccountKey=[A-Za-z0-9+/]{86}==(?:;EndpointSuffix=[A-Za-z0-9.]{1,64}(?<![.]))?/g,
    description: "Azure Storage connection strings with an account key",
  }),
  defineRule({
    id: "azure-storage-account-key",
    type: "secret",
    kind: "API_KEY",
    priority: 85,
    keywords: ["accountkey"],
    anchored: true,
    pattern: /AccountKey["']?\s{0,3}[=:]\s{0,3}["']?(?<secret>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/gi,
    description: "Azure Storage account keys (88 base64 characters after AccountKey=)",
  }),
  defineRule({
    id: "azure-shared-access-key",
    type: "secret",
    kind: "API_KEY",
    priority: 85,
    keywords: ["sharedaccesskey="],
    anchored: true,
    pattern: /SharedAccessKey=(?<secret>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])/g,
    description: "Azure Service Bus / Event Hubs SharedAccessKey in connection strings",
  }),
  defineRule({
    id: "azure-sas-signature",
    type: "secret",
    kind: "TOKEN",
    priority: 80,
    keywords: ["sig="],
    anchored: true,
    pattern: /(?<=[?&;])sig=(?<secret>[A-Za-z0-9%+/]{40,120}(?:%3D|=){0,2})(?![A-Za-z0-9%+/=])/g,
    validate: (value) => shannonEntropy(value) >= 4,
    description: "The signature of an Azure shared access signature URL (…&sig=…)",
  }),
  prefixedToken({
    id: "digitalocean-token",
    kind: "TOKEN",
    prefixes: ["dop_v1_", "doo_v1_", "dor_v1_"],
    body: "[a-f0-9]{64}",
    description: "DigitalOcean personal, OAuth and refresh tokens (dop_v1_…)",
  }),
  defineRule({
    id: "heroku-api-key",
    type: "secret",
    kind: "API_KEY",
    priority: 65,
    keywords: ["heroku"],
    anchored: true,
    pattern:
      /heroku[A-Za-z0-9_.-]{0,20}?(?:api[_-]?)?(?:key|token)["']?\s{0,5}(?:=>|:=|[:=])\s{0,5}["']?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9-])/gi,
    description: "Heroku API keys (a UUID assigned to HEROKU_API_KEY and the like)",
  }),
  prefixedToken({ id: "heroku-token", kind: "TOKEN", prefixes: ["HRKU-"], body: "[A-Za-z0-9_-]{40,80}", description: "Heroku tokens (HRKU-…)" }),
];
