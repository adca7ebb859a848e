import { describe, expect, it } from "vitest";
import { ALL_RULES, scan } from "../index";
import { ALNUM, BASE64URL, HEX, SeededRandom } from "../testing/seeded-random";

/** The rule ids that fired and what each one covered. */
function found(text: string): [string, string][] {
  return scan(text).map((match) => [match.ruleId, text.slice(match.start, match.end)]);
}

const rand = (alphabet: string, length: number, seed = 7) => new SeededRandom(seed * 7919 + length).string(alphabet, length);
const B64URL = BASE64URL;

describe("rule catalog", () => {
  it("has at least 40 secret rules and the PII rules, with unique kebab-case ids", () => {
    expect(ALL_RULES.filter((rule) => rule.type === "secret").length).toBeGreaterThanOrEqual(40);
    expect(ALL_RULES.filter((rule) => rule.type === "pii").map((rule) => rule.id)).toEqual(
      expect.arrayContaining(["email", "phone-e164", "phone-nanp", "us-ssn", "payment-card", "iban", "ipv4"]),
    );
    const ids = ALL_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it("gives every rule a description, and keywords or a precheck", () => {
    for (const rule of ALL_RULES) {
      expect(rule.description.length, rule.id).toBeGreaterThan(10);
      expect(rule.keywords.length > 0 || rule.precheck !== undefined, rule.id).toBe(true);
    }
  });
});

describe("AI provider keys", () => {
  const project = `sk-proj-${rand(B64URL, 74)}T3BlbkFJ${rand(B64URL, 74, 9)}`;
  const legacy = `sk-${rand(ALNUM, 20)}T3BlbkFJ${rand(ALNUM, 20, 3)}`;
  const anthropic = `sk-ant-api03-${rand(B64URL, 93)}AA`;

  it("finds OpenAI project and legacy keys and Anthropic keys, each under its own rule", () => {
    expect(found(`OPENAI_API_KEY=${project}`)).toEqual([["openai-project-key", project]]);
    expect(found(`key: "${legacy}"`)).toEqual([["openai-legacy-key", legacy]]);
    expect(found(`x-api-key: ${anthropic}\r\n`)).toEqual([["anthropic-api-key", anthropic]]);
  });

  it("ignores look-alikes", () => {
    expect(found("scikit-learn is imported as sk-learn; ask-me-anything; task-1234")).toEqual([]);
    expect(found(`sk-${"abcdefghij".repeat(4)}`)).toEqual([]); // letters only: an identifier
    expect(found(`sk-proj-${"x".repeat(40)}`)).toEqual([]); // placeholder, no entropy
    expect(found(`mask-proj-${rand(B64URL, 60)}`)).toEqual([]); // glued to a word
  });
});

describe("cloud keys", () => {
  it("finds AWS access key ids, including the documented example", () => {
    expect(found("aws_access_key_id=AKIAIOSFODNN7EXAMPLE")).toEqual([["aws-access-key-id", "AKIAIOSFODNN7EXAMPLE"]]);
    expect(found("ASIAY34FZKBOKMUTVV7A is temporary")).toEqual([["aws-access-key-id", "ASIAY34FZKBOKMUTVV7A"]]);
    expect(found("XAKIAIOSFODNN7EXAMPLE1")).toEqual([]);
  });

  it("finds AWS secret keys assigned by name or near the word AWS, not hex digests", () => {
    const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    expect(found(`aws_secret_access_key = ${secret}`)).toEqual([["aws-secret-access-key", secret]]);
    expect(found(`"SecretAccessKey": "${secret}"`)).toEqual([["aws-secret-access-key", secret]]);
    expect(found(`my AWS login: user ops, secret ${secret}`)).toEqual([["aws-secret-key-in-context", secret]]);
    expect(found(`no cloud words here, just ${secret}`)).toEqual([]);
    expect(found("AWS commit 9fceb02d0ae598e95dc970b74767f19372d61af8")).toEqual([]);
  });

  it("finds Google, GCP service account, Azure and DigitalOcean credentials", () => {
    const google = `AIza${rand(B64URL, 35)}`;
    expect(found(`https://maps.googleapis.com/maps/api/js?key=${google}`)).toEqual([["google-api-key", google]]);
    const pem = `-----BEGIN PRIVATE KEY-----\\n${rand(ALNUM, 128)}\\n-----END PRIVATE KEY-----\\n`;
    expect(found(`{"type":"service_account","private_key":"${pem}"}`)).toEqual([["gcp-service-account-key", pem]]);
    const accountKey = `${rand(ALNUM, 86)}==`;
    const connection = `DefaultEndpointsProtocol=https;AccountName=logs;AccountKey=${accountKey};EndpointSuffix=core.windows.net`;
    expect(found(connection)).toEqual([["azure-storage-connection-string", connection]]);
    expect(found(`AccountName=logs;AccountKey=${accountKey}`)).toEqual([["azure-storage-account-key", accountKey]]);
    const token = `dop_v1_${rand(HEX, 64)}`;
    expect(found(`DIGITALOCEAN_TOKEN=${token}`)).toEqual([["digitalocean-token", token]]);
  });
});

describe("source control, chat and payment tokens", () => {
  it("finds GitHub and GitLab tokens, not truncated or glued ones", () => {
    const pat = `ghp_${rand(ALNUM, 36)}`;
    expect(found(`git clone https://${pat}@github.com/acme/app.git`)).toEqual([["github-pat", pat]]);
    expect(found(`ghp_${rand(ALNUM, 35)}`)).toEqual([]);
    expect(found(`xghp_${rand(ALNUM, 36)}`)).toEqual([]);
    const fine = `github_pat_11${rand(ALNUM, 20)}_${rand(ALNUM, 59)}`;
    expect(found(`token ${fine}`)).toEqual([["github-fine-grained-pat", fine]]);
    const gitlab = `glpat-${rand(B64URL, 20)}`;
    expect(found(`PRIVATE-TOKEN: ${gitlab}.`)).toEqual([["gitlab-pat", gitlab]]);
  });

  it("finds Slack tokens and webhooks, Discord and Telegram bot tokens", () => {
    const bot = `xoxb-${rand("0123456789", 12)}-${rand("0123456789", 13, 5)}-${rand(ALNUM, 24)}`;
    expect(found(`SLACK_BOT_TOKEN=${bot}`)).toEqual([["slack-bot-token", bot]]);
    const webhook = `https://hooks.slack.com/services/T0123ABCD/B0456EFGH12/${rand(ALNUM, 24)}`;
    expect(found(`curl -X POST ${webhook} -d '{}'`)).toEqual([["slack-webhook-url", webhook]]);
    const discord = `${Buffer.from("123456789012345678").toString("base64")}.${rand(B64URL, 6)}.${rand(B64URL, 38)}`;
    expect(found(`Authorization: Bot ${discord}`)).toEqual([["discord-bot-token", discord]]);
    expect(found(`a random dotted value ${discord}`)).toEqual([]); // no Discord context
    const telegram = `123456789:AA${rand(B64URL, 33)}`;
    expect(found(`https://api.telegram.org/bot${telegram}/getMe`)).toEqual([]); // glued to "bot"
    expect(found(`TELEGRAM_TOKEN=${telegram}`)).toEqual([["telegram-bot-token", telegram]]);
  });

  it("finds Twilio SIDs everywhere and auth tokens only near the word Twilio", () => {
    const key = `SK${rand(HEX, 32)}`;
    expect(found(`api key sid ${key}`)).toEqual([["twilio-api-key", key]]);
    const token = rand(HEX, 32, 11);
    expect(found(`TWILIO_AUTH_TOKEN=${token}`)).toEqual([["twilio-auth-token", token]]);
    expect(found(`md5 ${token}`)).toEqual([]);
  });

  it("finds Stripe, SendGrid and Shopify keys", () => {
    const stripe = `sk_live_${rand(ALNUM, 24)}`;
    expect(found(`Stripe::API_KEY = '${stripe}'`)).toEqual([["stripe-secret-key", stripe]]);
    expect(found("sk_live_short")).toEqual([]);
    const sendgrid = `SG.${rand(B64URL, 22)}.${rand(B64URL, 43, 2)}`;
    expect(found(sendgrid)).toEqual([["sendgrid-api-key", sendgrid]]);
    const shopify = `shpat_${rand(HEX, 32)}`;
    expect(found(`X-Shopify-Access-Token: ${shopify}`)).toEqual([["shopify-token", shopify]]);
  });

  it("finds registry, secret-manager and Bulwark tokens", () => {
    const bwk = `bwk_${rand("0123456789abcdefghjkmnpqrstvwxyz", 42)}`;
    expect(found(`Authorization: Bearer ${bwk}`)).toEqual([["bulwark-api-key", bwk]]);
    const bws = `bws_${rand("0123456789abcdefghjkmnpqrstvwxyz", 42, 3)}`;
    expect(found(`BULWARK_SIDECAR_TOKEN=${bws}`)).toEqual([["bulwark-sidecar-token", bws]]);
    const npm = `npm_${rand(ALNUM, 36)}`;
    expect(found(`//registry.npmjs.org/:_authToken=${npm}`)).toEqual([["npm-token", npm]]);
    const vault = `hvs.${rand(B64URL, 90)}`;
    expect(found(`VAULT_TOKEN=${vault}`)).toEqual([["vault-token", vault]]);
    expect(found(`use ${"a".repeat(14)}.atlasv1.${rand(B64URL, 67)} for terraform`).map(([rule]) => rule)).toEqual(["terraform-cloud-token"]);
  });
});

describe("structural credentials", () => {
  const body = Array.from({ length: 6 }, (_, i) => rand(ALNUM, 64, i + 1)).join("\n");

  it("redacts a whole private key block, PEM or OpenSSH, and one whose END was cut off", () => {
    const rsa = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`;
    expect(found(`key:\n${rsa}\nthanks`)).toEqual([["private-key-block", rsa]]);
    const openssh = `-----BEGIN OPENSSH PRIVATE KEY-----\n${body}\n-----END OPENSSH PRIVATE KEY-----`;
    expect(found(openssh)).toEqual([["private-key-block", openssh]]);
    const cut = `-----BEGIN PRIVATE KEY-----\n${body}`;
    expect(found(`${cut}\n`)).toEqual([["private-key-block", `${cut}\n`]]);
  });

  it("leaves public keys and certificates alone", () => {
    expect(found(`-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----`)).toEqual([]);
    expect(found(`-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----`)).toEqual([]);
  });

  it("finds JWTs only when the header decodes to a JSON object with alg", () => {
    const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString("base64url");
    const payload = Buffer.from('{"sub":"42"}').toString("base64url");
    const jwt = `${header}.${payload}.${rand(B64URL, 43)}`;
    expect(found(`Authorization: Bearer ${jwt}`)).toEqual([["jwt", jwt]]);
    const notJson = `eyJub3QganNvbg.${payload}.${rand(B64URL, 43)}`;
    expect(found(notJson).map(([rule]) => rule)).not.toContain("jwt");
  });

  it("finds opaque bearer tokens and Basic credentials, not the words around them", () => {
    const token = rand(ALNUM, 40);
    expect(found(`Authorization: Bearer ${token}`)).toEqual([["bearer-token", token]]);
    expect(found("Bearer authentication is described in RFC 6750. Authorization: Bearer {{token}}")).toEqual([]);
    const basic = Buffer.from("alice:s3cr3t-pw").toString("base64");
    expect(found(`Authorization: Basic ${basic}`)).toEqual([["basic-auth-header", basic]]);
    expect(found('WWW-Authenticate: Basic realm="admin"')).toEqual([]);
  });

  it("redacts only the password of a URL", () => {
    expect(found("postgres://app:Sup3r-s3cret@db.internal:5432/prod")).toEqual([["password-in-url", "Sup3r-s3cret"]]);
    expect(found("redis://:hunter22@cache:6379")).toEqual([["password-in-url", "hunter22"]]);
    expect(found("redis://:Sstp#Bl8@cache.internal:6379/0")).toEqual([["password-in-url", "Sstp#Bl8"]]);
    expect(found("http://localhost:3000?next=/x").concat(found("http://localhost:3000?email=a@b.io"))).toEqual([["email", "a@b.io"]]);
    expect(found("https://user@example.com/path and postgres://app:${DB_PASSWORD}@db/prod")).toEqual([]);
  });

  it("finds assigned secrets by name, gated by entropy and shape", () => {
    expect(found('password = "hunter2"')).toEqual([["password-assignment", "hunter2"]]);
    expect(found("DB_PASSWORD=c0rrect-h0rse")).toEqual([["password-assignment", "c0rrect-h0rse"]]);
    const secret = rand(ALNUM, 32);
    expect(found(`client_secret: ${secret}`)).toEqual([["secret-assignment", secret]]);
    expect(found(`?access_token=${secret}&page=2`)).toEqual([["token-assignment", secret]]);
    expect(found(`x-api-key: ${secret}`)).toEqual([["api-key-assignment", secret]]);
  });

  it("leaves names without secrets, placeholders, counts and code alone", () => {
    for (const text of [
      "password: required",
      "Password: incorrect, try again",
      'api_key = "${API_KEY}"',
      "api_key: <your-api-key>",
      "max_tokens: 4096, token_type: bearer, tokens=12",
      "secret_name=prod-db-credentials",
      'token_url = "https://auth.example.com/oauth/token"',
      "const apiKey = process.env.OPENAI_API_KEY;",
      "password: z.string().min(12)",
      "password=********",
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });

  it("lets the vendor rule win over the generic one for the same value", () => {
    const key = `sk-proj-${rand(B64URL, 80)}`;
    expect(found(`api_key = "${key}"`)).toEqual([["openai-project-key", key]]);
  });
});
