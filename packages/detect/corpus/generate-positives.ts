/**
 * Writes positives.json: fake secrets and personal data in every promised format, each placed in
 * realistic surroundings (code, env files, logs, JSON, prose, HTTP headers, YAML, URLs).
 * Deterministic (seeded), so re-running it reproduces the committed file byte for byte.
 * Nothing here is real: tokens are random strings with the right prefixes, cards are Luhn-valid
 * test numbers, IBANs are random accounts with a computed checksum, SSNs random valid-shaped.
 *
 *   npx tsx packages/detect/corpus/generate-positives.ts
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fakeCardNumber } from "../src/testing/card-numbers";
import { fakeIban, groupInFours } from "../src/testing/iban-numbers";
import { ALNUM, BASE64, BASE64URL, DIGITS, HEX, LOWER, SeededRandom, UPPER } from "../src/testing/seeded-random";

interface Positive {
  rule: string;
  context: string;
  text: string;
  value: string;
}

type Make = (random: SeededRandom) => string;
interface Context {
  name: string;
  wrap: (value: string, random: SeededRandom) => string;
}

const random = new SeededRandom(20240601);
const b64 = (text: string) => Buffer.from(text, "latin1").toString("base64");
const b64url = (text: string) => b64(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

const TOKEN_CONTEXTS: readonly Context[] = [
  { name: "code", wrap: (v) => `const client = createClient({\n  baseUrl: "https://api.example.com",\n  credential: "${v}",\n});` },
  { name: "env", wrap: (v) => `# production settings\nSERVICE_CREDENTIAL=${v}\nLOG_LEVEL=info` },
  { name: "log", wrap: (v) => `2024-05-01T12:00:03.117Z INFO worker-3 outbound call authenticated with ${v} (retry=0)` },
  { name: "json", wrap: (v) => `{"service":"billing","credential":"${v}","createdAt":1714564800123}` },
  { name: "prose", wrap: (v) => `Sure! Here is the credential from the config file: ${v}. Let me know if you need anything else.` },
  { name: "http", wrap: (v) => `POST /v1/upload HTTP/1.1\r\nHost: api.example.com\r\nX-Service-Credential: ${v}\r\nContent-Type: application/json` },
  { name: "yaml", wrap: (v) => `integrations:\n  upstream:\n    enabled: true\n    credential: ${v}\n` },
  { name: "shell", wrap: (v) => `$ curl -s https://api.example.com/v2/me -H 'X-Credential: ${v}' | jq .` },
];

function contexts(...wraps: [string, (v: string, r: SeededRandom) => string][]): Context[] {
  return wraps.map(([name, wrap]) => ({ name, wrap }));
}

const pem = (label: string, lines: number) =>
  `-----BEGIN ${label}-----\n${Array.from({ length: lines }, () => random.string(BASE64, 64)).join("\n")}\n${random.string(BASE64, random.int(8, 60))}=\n-----END ${label}-----`;

const jwt = (r: SeededRandom) => {
  const header = b64url(JSON.stringify({ alg: r.pick(["HS256", "RS256", "ES256"]), typ: "JWT" }));
  const payload = b64url(JSON.stringify({ sub: r.uuid(), iat: 1714564800 + r.int(0, 9999), scope: "read write" }));
  return `${header}.${payload}.${r.string(BASE64URL, 43)}`;
};

const password = (r: SeededRandom) => `${r.string(ALNUM, r.int(5, 12))}${r.pick(["!", "#", "$", "%", "*", "_", "-"])}${r.string(DIGITS, r.int(1, 4))}`;
const snowflake = (r: SeededRandom) => `${r.int(1, 9)}${r.string(DIGITS, 17)}`;
const firstNames = ["alice", "bob", "carol", "dmitri", "eva", "farid", "grace", "hiro", "ines", "jamal", "kofi", "lena"];
const lastNames = ["smith", "okafor", "nguyen", "garcia", "muller", "rossi", "tanaka", "kowalski", "haddad", "silva"];
const domains = ["example.com", "mail.example.org", "corp.example.net", "example.co.uk", "students.example.edu", "example.io"];

/** One entry per rule: how to make a value, and where it can appear. */
const SPECS: { rule: string; make: Make; contexts?: readonly Context[]; count?: number; fixed?: readonly string[] }[] = [
  // AI providers
  { rule: "openai-project-key", make: (r) => `sk-proj-${r.string(BASE64URL, r.int(74, 80))}T3BlbkFJ${r.string(BASE64URL, r.int(74, 80))}` },
  { rule: "openai-legacy-key", make: (r) => `sk-${r.string(ALNUM, 20)}T3BlbkFJ${r.string(ALNUM, 20)}` },
  { rule: "anthropic-api-key", make: (r) => `sk-ant-${r.pick(["api03", "admin01", "oat01"])}-${r.string(BASE64URL, 93)}AA` },
  { rule: "openrouter-api-key", make: (r) => `sk-or-v1-${r.string(HEX, 64)}` },
  { rule: "groq-api-key", make: (r) => `gsk_${r.string(ALNUM, 52)}` },
  { rule: "replicate-api-token", make: (r) => `r8_${r.string(ALNUM, 37)}` },
  { rule: "perplexity-api-key", make: (r) => `pplx-${r.string(ALNUM, 48)}` },
  { rule: "xai-api-key", make: (r) => `xai-${r.string(ALNUM, 80)}` },
  { rule: "huggingface-token", make: (r) => `hf_${r.string(ALNUM, 34)}` },
  // Cloud
  {
    rule: "aws-access-key-id",
    make: (r) => `${r.pick(["AKIA", "ASIA", "AROA", "AIDA"])}${r.string(UPPER + "234567", 16)}`,
    fixed: ["AKIAIOSFODNN7EXAMPLE"],
  },
  {
    rule: "aws-secret-access-key",
    make: (r) => r.string(BASE64, 40),
    fixed: ["wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"],
    contexts: contexts(
      ["ini", (v) => `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${v}\nregion = eu-west-1`],
      ["env", (v) => `AWS_SECRET_ACCESS_KEY="${v}"`],
      ["json", (v) => `{"Credentials":{"AccessKeyId":"ASIAIOSFODNN7EXAMPLE","SecretAccessKey":"${v}","Expiration":"2024-05-01T13:00:00Z"}}`],
      ["yaml", (v) => `aws:\n  aws_secret_key: ${v}\n`],
      ["code", (v) => `s3 = boto3.client("s3", aws_secret_access_key='${v}')`],
    ),
  },
  {
    rule: "aws-secret-key-in-context",
    make: (r) => r.string(BASE64, 40),
    contexts: contexts(
      ["prose", (v) => `The AWS credentials in the vault are the key id AKIAIOSFODNN7EXAMPLE with secret ${v} for the billing account.`],
      ["chat", (v) => `Here you go — AWS key pair:\nid: ASIAIOSFODNN7EXAMPLE\nsecret: ${v}`],
      ["csv", (v) => `User name,Access key ID,Secret access key\nci-deployer,AKIAIOSFODNN7EXAMPLE,${v}\n# exported from AWS IAM`],
      ["log", (v) => `[aws] loaded static credentials (key AKIAIOSFODNN7EXAMPLE, secret ${v})`],
    ),
  },
  { rule: "google-api-key", make: (r) => `AIza${r.string(BASE64URL, 35)}` },
  { rule: "google-oauth-client-secret", make: (r) => `GOCSPX-${r.string(BASE64URL, 28)}` },
  {
    rule: "gcp-service-account-key",
    make: (r) => `-----BEGIN PRIVATE KEY-----\\n${Array.from({ length: r.int(6, 12) }, () => r.string(BASE64, 64)).join("\\n")}\\n-----END PRIVATE KEY-----\\n`,
    contexts: contexts(
      ["json", (v, r) => `{\n  "type": "service_account",\n  "project_id": "demo-project-${r.int(100, 999)}",\n  "private_key_id": "${r.string(HEX, 40)}",\n  "private_key": "${v}",\n  "client_email": "svc@demo-project.iam.gserviceaccount.com"\n}`],
      ["compact", (v) => `{"type":"service_account","private_key":"${v}","token_uri":"https://oauth2.googleapis.com/token"}`],
    ),
  },
  {
    rule: "azure-storage-connection-string",
    make: (r) => `DefaultEndpointsProtocol=https;AccountName=${r.string(LOWER + DIGITS, r.int(3, 24))};AccountKey=${r.string(BASE64, 86)}==;EndpointSuffix=core.windows.net`,
    contexts: contexts(
      ["env", (v) => `AZURE_STORAGE_CONNECTION_STRING="${v}"`],
      ["json", (v) => `{"ConnectionStrings":{"Storage":"${v}"}}`],
      ["code", (v) => `var client = new BlobServiceClient("${v}");`],
    ),
  },
  {
    rule: "azure-storage-account-key",
    make: (r) => `${r.string(BASE64, 86)}==`,
    contexts: contexts(
      ["kv", (v) => `AccountName=prodlogs;AccountKey=${v};`],
      ["json", (v) => `{"storage":{"accountName":"prodlogs","accountKey":"${v}"}}`],
      ["yaml", (v) => `storage:\n  AccountKey: ${v}\n`],
    ),
  },
  {
    rule: "azure-shared-access-key",
    make: (r) => `${r.string(BASE64, 43)}=`,
    contexts: contexts(
      ["conn", (v, r) => `Endpoint=sb://orders-${r.int(1, 99)}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${v}`],
      ["json", (v) => `{"ServiceBus":{"ConnectionString":"Endpoint=sb://events.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${v};EntityPath=orders"}}`],
      ["env", (v) => `EVENTHUB_CONNECTION="Endpoint=sb://telemetry.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=${v}"`],
    ),
  },
  {
    rule: "azure-sas-signature",
    make: (r) => `${r.string(ALNUM, 40)}%2B${r.string(ALNUM, 3)}%3D`,
    contexts: contexts(
      ["url", (v) => `https://prodlogs.blob.core.windows.net/exports/report.csv?sv=2022-11-02&ss=b&srt=o&sp=r&se=2025-01-01T00:00:00Z&sig=${v}`],
      ["log", (v) => `GET /exports/a.csv?sp=r&st=2024-05-01&se=2024-05-02&spr=https&sv=2022-11-02&sr=b&sig=${v} 200`],
    ),
  },
  { rule: "digitalocean-token", make: (r) => `${r.pick(["dop", "doo", "dor"])}_v1_${r.string(HEX, 64)}` },
  {
    rule: "heroku-api-key",
    make: (r) => r.uuid(),
    contexts: contexts(
      ["env", (v) => `HEROKU_API_KEY=${v}`],
      ["yaml", (v) => `deploy:\n  heroku_api_key: "${v}"\n`],
      ["ci", (v) => `- run: git push https://heroku:$TOKEN@git.heroku.com/app.git\n  env:\n    HEROKU_API_TOKEN: ${v}`],
    ),
  },
  { rule: "heroku-token", make: (r) => `HRKU-AA${r.string(BASE64URL, 58)}` },
  // Source control
  { rule: "github-pat", make: (r) => `ghp_${r.string(ALNUM, 36)}` },
  { rule: "github-oauth-token", make: (r) => `gho_${r.string(ALNUM, 36)}` },
  { rule: "github-user-to-server-token", make: (r) => `ghu_${r.string(ALNUM, 36)}` },
  { rule: "github-server-to-server-token", make: (r) => `ghs_${r.string(ALNUM, 36)}` },
  { rule: "github-refresh-token", make: (r) => `ghr_${r.string(ALNUM, 76)}` },
  { rule: "github-fine-grained-pat", make: (r) => `github_pat_11${r.string(UPPER + DIGITS, 20)}_${r.string(ALNUM, 59)}` },
  { rule: "gitlab-pat", make: (r) => `glpat-${r.string(BASE64URL, 20)}` },
  { rule: "gitlab-runner-token", make: (r) => `glrt-${r.string(BASE64URL, 20)}` },
  { rule: "gitlab-pipeline-trigger-token", make: (r) => `glptt-${r.string(HEX, 40)}` },
  { rule: "gitlab-deploy-token", make: (r) => `gldt-${r.string(BASE64URL, 20)}` },
  { rule: "bitbucket-app-password", make: (r) => `ATBB${r.string(ALNUM, 32)}` },
  { rule: "atlassian-api-token", make: (r) => `ATATT3xFfGF0${r.string(BASE64URL, 170)}=${r.string(HEX.toUpperCase(), 8)}` },
  // Messaging
  { rule: "slack-bot-token", make: (r) => `xoxb-${r.string(DIGITS, 12)}-${r.string(DIGITS, 13)}-${r.string(ALNUM, 24)}` },
  { rule: "slack-user-token", make: (r) => `xoxp-${r.string(DIGITS, 12)}-${r.string(DIGITS, 12)}-${r.string(DIGITS, 13)}-${r.string(HEX, 32)}` },
  { rule: "slack-workspace-token", make: (r) => `${r.pick(["xoxa-2-", "xoxr-", "xoxs-"])}${r.string(ALNUM, 12)}-${r.string(ALNUM, 40)}` },
  { rule: "slack-app-token", make: (r) => `xapp-1-A${r.string(UPPER + DIGITS, 10)}-${r.string(DIGITS, 13)}-${r.string(HEX, 64)}` },
  { rule: "slack-webhook-url", make: (r) => `https://hooks.slack.com/services/T${r.string(UPPER + DIGITS, 8)}/B${r.string(UPPER + DIGITS, 10)}/${r.string(ALNUM, 24)}` },
  { rule: "discord-webhook-url", make: (r) => `https://discord.com/api/webhooks/${snowflake(r)}/${r.string(BASE64URL, 68)}` },
  { rule: "teams-webhook-url", make: (r) => `https://contoso.webhook.office.com/webhookb2/${r.uuid()}@${r.uuid()}/IncomingWebhook/${r.string(HEX, 32)}/${r.uuid()}` },
  {
    rule: "discord-bot-token",
    make: (r) => `${b64url(snowflake(r))}.${r.string(BASE64URL, 6)}.${r.string(BASE64URL, 38)}`,
    contexts: contexts(
      ["env", (v) => `DISCORD_BOT_TOKEN=${v}`],
      ["http", (v) => `GET /api/v10/users/@me HTTP/1.1\r\nAuthorization: Bot ${v}`],
      ["code", (v) => `await discordClient.login("${v}");`],
    ),
  },
  { rule: "telegram-bot-token", make: (r) => `${r.int(1, 9)}${r.string(DIGITS, 9)}:AA${r.string(BASE64URL, 33)}` },
  { rule: "twilio-api-key", make: (r) => `SK${r.string(HEX, 32)}` },
  { rule: "twilio-account-sid", make: (r) => `AC${r.string(HEX, 32)}` },
  {
    rule: "twilio-auth-token",
    make: (r) => r.string(HEX, 32),
    contexts: contexts(
      ["env", (v) => `TWILIO_ACCOUNT_SID=AC${"0".repeat(32)}\nTWILIO_AUTH_TOKEN=${v}`],
      ["prose", (v) => `The Twilio auth token for the SMS sender is ${v}.`],
      ["code", (v) => `twilio_client = Client(account_sid, "${v}")`],
    ),
  },
  { rule: "sendgrid-api-key", make: (r) => `SG.${r.string(BASE64URL, 22)}.${r.string(BASE64URL, 43)}` },
  { rule: "mailgun-api-key", make: (r) => `key-${r.string(HEX, 32)}` },
  { rule: "mailchimp-api-key", make: (r) => `${r.string(HEX, 32)}-us${r.int(1, 21)}` },
  // Payments
  { rule: "stripe-secret-key", make: (r) => `${r.pick(["sk_live_", "sk_test_"])}${r.string(ALNUM, r.int(24, 99))}` },
  { rule: "stripe-restricted-key", make: (r) => `${r.pick(["rk_live_", "rk_test_"])}${r.string(ALNUM, r.int(24, 99))}` },
  { rule: "stripe-publishable-key", make: (r) => `${r.pick(["pk_live_", "pk_test_"])}${r.string(ALNUM, r.int(24, 99))}` },
  { rule: "stripe-webhook-secret", make: (r) => `whsec_${r.string(ALNUM, 32)}` },
  { rule: "square-access-token", make: (r) => (r.next() < 0.7 ? `EAAA${r.string(BASE64URL, 60)}` : `sq0atp-${r.string(BASE64URL, 22)}`) },
  { rule: "square-oauth-secret", make: (r) => `sq0csp-${r.string(BASE64URL, 43)}` },
  { rule: "shopify-token", make: (r) => `${r.pick(["shpat_", "shpca_", "shppa_", "shpss_"])}${r.string(HEX, 32)}` },
  { rule: "braintree-access-token", make: (r) => `access_token$production$${r.string(LOWER + DIGITS, 16)}$${r.string(HEX, 32)}` },
  // Developer tools
  { rule: "npm-token", make: (r) => `npm_${r.string(ALNUM, 36)}` },
  { rule: "pypi-token", make: (r) => `pypi-AgEIcHlwaS5vcmc${r.string(BASE64URL, r.int(120, 180))}` },
  { rule: "vault-token", make: (r) => `${r.pick(["hvs.", "hvb.", "hvr."])}${r.string(BASE64URL, r.int(24, 100))}` },
  { rule: "doppler-token", make: (r) => `dp.${r.pick(["pt", "st", "sa", "ct"])}.${r.string(ALNUM, 43)}` },
  { rule: "linear-api-key", make: (r) => `lin_api_${r.string(ALNUM, 40)}` },
  {
    rule: "datadog-api-key",
    make: (r) => r.string(HEX, 32),
    contexts: contexts(
      ["env", (v) => `DD_API_KEY=${v}\nDD_SITE=datadoghq.eu`],
      ["yaml", (v) => `datadog:\n  apiKey: ${v}\n`],
      ["prose", (v) => `Our Datadog API key is ${v}, use it for the agent.`],
    ),
  },
  {
    rule: "datadog-app-key",
    make: (r) => r.string(HEX, 40),
    contexts: contexts(
      ["env", (v) => `DD_APP_KEY=${v}`],
      ["shell", (v) => `curl -H "DD-APP-KEY: ${v}" https://api.datadoghq.com/api/v1/dashboard`],
    ),
  },
  { rule: "sentry-token", make: (r) => (r.next() < 0.5 ? `sntrys_${r.string(BASE64, 80)}=_${r.string(BASE64, 43)}` : `sntryu_${r.string(HEX, 64)}`) },
  { rule: "newrelic-user-key", make: (r) => `NRAK-${r.string(UPPER + DIGITS, 27)}` },
  { rule: "grafana-token", make: (r) => (r.next() < 0.5 ? `glc_${r.string(BASE64, 80)}==` : `glsa_${r.string(ALNUM, 32)}_${r.string(HEX, 8)}`) },
  { rule: "postman-api-key", make: (r) => `PMAK-${r.string(HEX, 24)}-${r.string(HEX, 34)}` },
  { rule: "supabase-token", make: (r) => `sbp_${r.string(HEX, 40)}` },
  { rule: "dockerhub-pat", make: (r) => `dckr_pat_${r.string(BASE64URL, 27)}` },
  { rule: "terraform-cloud-token", make: (r) => `${r.string(ALNUM, 14)}.atlasv1.${r.string(BASE64URL, 67)}` },
  { rule: "pulumi-token", make: (r) => `pul-${r.string(HEX, 40)}` },
  { rule: "databricks-token", make: (r) => `dapi${r.string(HEX, 32)}` },
  { rule: "planetscale-token", make: (r) => `${r.pick(["pscale_tkn_", "pscale_pw_", "pscale_oauth_"])}${r.string(BASE64URL, 43)}` },
  { rule: "age-secret-key", make: (r) => `AGE-SECRET-KEY-1${r.string("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58)}` },
  { rule: "firebase-cloud-messaging-key", make: (r) => `AAAA${r.string(BASE64URL, 7)}:APA91b${r.string(BASE64URL, 134)}` },
  { rule: "bulwark-api-key", make: (r) => `bwk_${r.string("0123456789abcdefghjkmnpqrstvwxyz", 42)}` },
  { rule: "bulwark-sidecar-token", make: (r) => `bws_${r.string("0123456789abcdefghjkmnpqrstvwxyz", 42)}` },
  // Structural credentials
  {
    rule: "private-key-block",
    make: (r) => pem(r.pick(["RSA PRIVATE KEY", "EC PRIVATE KEY", "PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "DSA PRIVATE KEY"]), r.int(4, 25)),
    contexts: contexts(
      ["file", (v) => `${v}\n`],
      ["chat", (v) => `Here is the deploy key from ~/.ssh:\n\n${v}\n\nAdd it to the CI secrets.`],
      ["yaml", (v) => `tls:\n  key: |\n    ${v.split("\n").join("\n    ")}\n`],
      ["log", (v) => `DEBUG loaded signing key: ${v.replace(/\n/g, "\\n")}`],
      ["pgp", (_v, r) => `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${Array.from({ length: 8 }, () => r.string(BASE64, 64)).join("\n")}\n=${r.string(BASE64, 4)}\n-----END PGP PRIVATE KEY BLOCK-----`],
    ),
  },
  {
    rule: "jwt",
    make: jwt,
    contexts: contexts(
      ["http", (v) => `GET /api/me HTTP/1.1\r\nAuthorization: Bearer ${v}\r\nAccept: */*`],
      ["json", (v) => `{"access_token":"${v}","token_type":"Bearer","expires_in":3600}`],
      ["cookie", (v) => `Set-Cookie: session=${v}; Path=/; HttpOnly; Secure`],
      ["prose", (v) => `I found this token in the browser storage: ${v}`],
      ["url", (v) => `https://app.example.com/callback#id_token=${v}&state=xyz`],
    ),
  },
  {
    rule: "bearer-token",
    make: (r) => r.string(ALNUM, r.int(24, 64)),
    contexts: contexts(
      ["http", (v) => `GET /v1/orders HTTP/1.1\r\nHost: api.example.com\r\nAuthorization: Bearer ${v}`],
      ["curl", (v) => `curl -H "Authorization: Bearer ${v}" https://api.example.com/v1/orders`],
      ["json", (v) => `{"headers":{"authorization":"Bearer ${v}","accept":"application/json"}}`],
      ["log", (v) => `proxy: forwarding request with header authorization=bearer ${v}`],
    ),
  },
  {
    rule: "basic-auth-header",
    make: (r) => b64(`${r.pick(firstNames)}:${password(r)}`),
    contexts: contexts(
      ["http", (v) => `GET /admin HTTP/1.1\r\nAuthorization: Basic ${v}`],
      ["json", (v) => `{"method":"GET","headers":{"Authorization":"Basic ${v}"}}`],
      ["proxy", (v) => `CONNECT internal:443 HTTP/1.1\r\nProxy-Authorization: basic ${v}`],
    ),
  },
  {
    rule: "password-in-url",
    make: password,
    contexts: contexts(
      ["env", (v) => `DATABASE_URL=postgres://app:${v}@db.internal:5432/prod?sslmode=require`],
      ["mongo", (v) => `mongoose.connect("mongodb+srv://admin:${v}@cluster0.ab12c.mongodb.net/shop")`],
      ["redis", (v) => `REDIS_URL=redis://:${v}@cache.internal:6379/0`],
      ["git", (v) => `remote: https://deploy:${v}@git.example.com/platform/api.git`],
      ["amqp", (v) => `broker_url = "amqp://worker:${v}@rabbit.internal:5672//"`],
    ),
  },
  {
    rule: "password-assignment",
    make: password,
    contexts: contexts(
      ["code", (v) => `db = connect(host="db.internal", user="app", password="${v}")`],
      ["env", (v) => `DB_PASSWORD=${v}`],
      ["json", (v) => `{"username":"admin","password":"${v}","remember":true}`],
      ["yaml", (v) => `spring:\n  datasource:\n    password: ${v}\n`],
      ["query", (v) => `GET /login?user=bob&passwd=${v}&next=%2Fhome HTTP/1.1`],
      ["prose", (v) => `The admin pwd = '${v}' until we rotate it.`],
    ),
  },
  {
    rule: "secret-assignment",
    make: (r) => r.string(ALNUM, r.int(24, 48)),
    contexts: contexts(
      ["env", (v) => `JWT_SECRET=${v}`],
      ["code", (v) => `app.use(session({ secret: "${v}", resave: false }))`],
      ["json", (v) => `{"client_id":"web-app","client_secret":"${v}"}`],
      ["yaml", (v) => `oauth:\n  clientSecret: ${v}\n`],
    ),
  },
  {
    rule: "token-assignment",
    make: (r) => r.string(ALNUM, r.int(24, 48)),
    contexts: contexts(
      ["query", (v) => `https://api.example.com/export?format=csv&access_token=${v}&page=2`],
      ["json", (v) => `{"refresh_token":"${v}","scope":"offline"}`],
      ["env", (v) => `SLACK_SIGNING_TOKEN=${v}`],
      ["code", (v) => `headers = {"X-Auth-Token": "${v}"}`],
    ),
  },
  {
    rule: "api-key-assignment",
    make: (r) => r.string(ALNUM, r.int(24, 48)),
    contexts: contexts(
      ["http", (v) => `GET /v2/forecast HTTP/1.1\r\nx-api-key: ${v}`],
      ["code", (v) => `const weather = new WeatherClient({ apiKey: '${v}' });`],
      ["env", (v) => `MAPS_API_KEY=${v}`],
      ["json", (v) => `{"provider":"geo","api_key":"${v}"}`],
    ),
  },
  // Personal data
  {
    rule: "email",
    make: (r) => `${r.pick(firstNames)}${r.pick([".", "_", "", "+news."])}${r.pick(lastNames)}${r.next() < 0.3 ? r.int(1, 99) : ""}@${r.pick(domains)}`,
    contexts: contexts(
      ["prose", (v) => `You can reach the account owner at ${v} during office hours.`],
      ["json", (v) => `{"user":{"id":"usr_a1b2c3","email":"${v}","verified":true}}`],
      ["header", (v) => `From: "Support" <${v}>\r\nTo: team@example.com`],
      ["log", (v) => `2024-05-01 12:00:00 INFO password reset requested for ${v}`],
      ["csv", (v) => `id,name,email\n17,Jane,${v}\n`],
    ),
    count: 12,
  },
  {
    rule: "phone-e164",
    make: (r) =>
      r.pick([
        () => `+1415555${r.string(DIGITS, 4)}`,
        () => `+44 20 7946 ${r.string(DIGITS, 4)}`,
        () => `+49 30 ${r.string(DIGITS, 8)}`,
        () => `+33 6 ${r.string(DIGITS, 2)} ${r.string(DIGITS, 2)} ${r.string(DIGITS, 2)} ${r.string(DIGITS, 2)}`,
        () => `+61 2 ${r.string(DIGITS, 4)} ${r.string(DIGITS, 4)}`,
        () => `+81 3-${r.string(DIGITS, 4)}-${r.string(DIGITS, 4)}`,
        () => `+91 98${r.string(DIGITS, 3)} ${r.string(DIGITS, 5)}`,
        () => `+1 (415) 555-${r.string(DIGITS, 4)}`,
        () => `+49 (0)30 ${r.string(DIGITS, 7)}`,
      ])(),
    contexts: contexts(
      ["prose", (v) => `Call me back on ${v} after 5pm.`],
      ["json", (v) => `{"contact":{"phone":"${v}","preferred":"sms"}}`],
      ["sig", (v) => `--\nJane Doe\nHead of Sales\nTel: ${v}`],
      ["log", (v) => `sms.send to=${v} template=otp status=queued`],
    ),
    count: 12,
  },
  {
    rule: "phone-nanp",
    make: (r) => {
      const area = `${r.int(2, 9)}${r.string(DIGITS, 2)}`;
      const line = `555-01${r.string(DIGITS, 2)}`;
      return r.pick([`(${area}) ${line}`, `${area}-${line}`, `${area}.${line.replace("-", ".")}`, `1-800-${line}`, `${area} ${line.replace("-", " ")}`]);
    },
    contexts: contexts(
      ["prose", (v) => `For billing questions call ${v} (Mon-Fri).`],
      ["json", (v) => `{"name":"Front desk","phone":"${v}"}`],
      ["form", (v) => `Name: John Q. Public\nPhone: ${v}\nBest time: mornings`],
    ),
    count: 12,
  },
  {
    rule: "us-ssn",
    make: (r) => {
      let area = r.int(1, 899);
      if (area === 666) area = 665;
      const digits = `${String(area).padStart(3, "0")}${String(r.int(1, 99)).padStart(2, "0")}${String(r.int(1, 9999)).padStart(4, "0")}`;
      const separator = r.next() < 0.8 ? "-" : " ";
      return `${digits.slice(0, 3)}${separator}${digits.slice(3, 5)}${separator}${digits.slice(5)}`;
    },
    contexts: contexts(
      ["form", (v) => `Applicant: Jane Doe\nSSN: ${v}\nDOB: 1985-04-12`],
      ["prose", (v) => `Her social security number is ${v}, please verify it.`],
      ["json", (v) => `{"employee":{"name":"J. Doe","ssn":"${v}"}}`],
    ),
    count: 12,
  },
  {
    rule: "us-ssn-labelled",
    make: (r) => `${String(r.int(100, 665)).padStart(3, "0")}${String(r.int(10, 99))}${String(r.int(1000, 9999))}`,
    contexts: contexts(
      ["form", (v) => `SSN: ${v}`],
      ["prose", (v) => `social security number ${v} on file`],
      ["record", (v) => `Employee record: J. Doe, SS# ${v}`],
    ),
  },
  {
    rule: "payment-card",
    make: (r) => {
      const digits = fakeCardNumber(r);
      const style = r.int(0, 2);
      if (style === 0) return digits;
      const separator = style === 1 ? " " : "-";
      if (digits.length === 13) return digits;
      if (digits.length <= 15) return `${digits.slice(0, 4)}${separator}${digits.slice(4, 10)}${separator}${digits.slice(10)}`;
      return digits.replace(/(.{4})(?=.)/g, `$1${separator}`);
    },
    fixed: ["4111111111111111", "5555 5555 5555 4444", "3782 822463 10005", "6011-1111-1111-1117", "3530111333300000", "30569309025904", "2223003122003222", "6200000000000005", "4012888888881881"],
    contexts: contexts(
      ["prose", (v) => `Please charge the card ${v}, expiry 12/27, CVC 123.`],
      ["json", (v) => `{"payment":{"card_number":"${v}","exp":"12/27"}}`],
      ["log", (v) => `WARN payment-gateway declined pan=${v} reason=insufficient_funds`],
      ["form", (v) => `Card number: ${v}\nName on card: J DOE`],
      ["trailing", (v) => `card ${v} 12/26`],
    ),
    count: 16,
  },
  {
    rule: "iban",
    make: (r) => {
      const iban = fakeIban(r, r.pick(["DE", "GB", "FR", "NL", "ES", "IT", "BE", "CH", "AT", "PL", "SE", "NO", "IE", "PT", "MT", "SA", "BR", "TR"]));
      return r.next() < 0.5 ? iban : groupInFours(iban);
    },
    fixed: ["DE89370400440532013000", "GB82 WEST 1234 5698 7654 32", "FR1420041010050500013M02606", "NL91ABNA0417164300"],
    contexts: contexts(
      ["prose", (v) => `Please wire the refund to IBAN ${v} by Friday.`],
      ["json", (v) => `{"beneficiary":{"name":"ACME GmbH","iban":"${v}","bic":"DEUTDEFF"}}`],
      ["invoice", (v) => `Bank details\nIBAN: ${v}\nBIC: COBADEFFXXX`],
    ),
    count: 16,
  },
  {
    rule: "ipv4",
    make: (r) =>
      r.pick([
        () => `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`,
        () => `192.168.${r.int(0, 255)}.${r.int(1, 254)}`,
        () => `172.${r.int(16, 31)}.${r.int(0, 255)}.${r.int(1, 254)}`,
        () => `${r.int(1, 223)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`.replace(/^127\./, "128."),
        () => "169.254.169.254",
      ])(),
    contexts: contexts(
      ["log", (v) => `2024-05-01T12:00:00Z nginx: ${v} - - "GET /healthz HTTP/1.1" 200 2`],
      ["json", (v) => `{"client_ip":"${v}","port":443}`],
      ["header", (v) => `X-Forwarded-For: ${v}`],
      ["prose", (v) => `The internal admin panel is on ${v}:8080 if you need it.`],
      ["url", (v) => `fetch("http://${v}/latest/meta-data/iam/security-credentials/")`],
    ),
    count: 12,
  },
];

const positives: Positive[] = [];
for (const spec of SPECS) {
  const wraps = spec.contexts ?? TOKEN_CONTEXTS;
  const values = [...(spec.fixed ?? [])];
  const count = Math.max(spec.count ?? 8, wraps.length);
  while (values.length < count) values.push(spec.make(random));
  values.forEach((value, index) => {
    const context = wraps[index % wraps.length]!;
    const text = context.wrap(value, random);
    // Contexts that build their own value (the PGP block) report it by its BEGIN line.
    const expected = text.includes(value) ? value : text.slice(text.indexOf("-----BEGIN"), text.lastIndexOf("-----") + 5);
    positives.push({ rule: spec.rule, context: context.name, text, value: expected });
  });
}

const file = path.join(import.meta.dirname, "positives.json");
writeFileSync(file, `${JSON.stringify(positives, null, 1)}\n`);
console.log(`wrote ${positives.length} positives for ${SPECS.length} rules to ${file}`);
