import { ALNUM, BASE64, BASE64URL, DIGITS, HEX, LOWER, SeededRandom, UPPER } from "./seeded-random";

export interface NegativeSample {
  category: string;
  text: string;
}

export interface NegativeJsonSample {
  category: string;
  value: unknown;
}

const WORDS =
  "the of and to in is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all we their has would when if so no what up out about who them into more some could its time than other only new like these two may first then do any now such my over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three".split(
    " ",
  );
const LOREM = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo consequat duis aute irure in reprehenderit voluptate velit esse cillum fugiat nulla pariatur".split(" ");

function sentence(random: SeededRandom, words: readonly string[], length: number): string {
  const text = Array.from({ length }, () => random.pick(words)).join(" ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function msTimestamp(random: SeededRandom): number {
  return random.int(1_500_000_000_000, 1_900_000_000_000);
}

function base64Image(random: SeededRandom): string {
  return `data:image/${random.pick(["png", "jpeg", "gif", "webp"])};base64,${random.string(BASE64, random.int(200, 3000))}${random.pick(["", "=", "=="])}`;
}

function minifiedJs(random: SeededRandom): string {
  const id = () => random.string(LOWER, random.int(1, 2));
  const parts = [
    `!function(${id()},${id()}){"object"==typeof exports&&"undefined"!=typeof module?module.exports=${id()}():"function"==typeof define&&define.amd?define(${id()}):(${id()}=${id()}||self).${random.string(UPPER, 1)}${random.string(LOWER, 5)}=${id()}()}(this,function(){"use strict";`,
    `var ${id()}=Object.prototype.hasOwnProperty,${id()}=Array.isArray;function ${id()}(${id()},${id()}){for(var ${id()}=0;${id()}<${id()}.length;${id()}++)if(${id()}[${id()}]===${id()})return ${id()};return-1}`,
    `const ${id()}=(${id()},${id()})=>${id()}.map(${id()}=>${id()}*${random.int(2, 9)}+${random.int(0, 255)}).filter(Boolean);`,
    `${id()}.exports={version:"${random.int(0, 9)}.${random.int(0, 30)}.${random.int(0, 99)}",timeout:${random.int(100, 60000)},retries:${random.int(0, 5)},hash:"${random.string(HEX, 8)}"};`,
    `return ${id()}.replace(/[&<>"']/g,function(${id()}){return{"&":"&amp;","<":"&lt;",">":"&gt;"}[${id()}]})`,
    `});//# sourceMappingURL=index.${random.string(HEX, 8)}.js.map`,
  ];
  return Array.from({ length: random.int(3, 8) }, () => random.pick(parts)).join("");
}

/** Category name → sample maker. Every value is something detectors must leave alone. */
const TEXT_GENERATORS: Record<string, (random: SeededRandom) => string> = {
  "ms-timestamp-text": (r) => r.pick([`event at ${msTimestamp(r)} took 34ms`, `ts=${msTimestamp(r)} level=info msg="job done"`, `created ${msTimestamp(r)}, updated ${msTimestamp(r)}`, `"ts": ${msTimestamp(r)}`]),
  uuid: (r) => r.pick([`request_id=${r.uuid()}`, `{"id":"${r.uuid()}","parent":"${r.uuid()}"}`, `Trace ${r.uuid().toUpperCase()} finished`, `/api/v1/runs/${r.uuid()}/events`]),
  "git-sha": (r) => r.pick([`commit ${r.string(HEX, 40)}\nAuthor: Dev Team`, `Merge ${r.string(HEX, 7)}..${r.string(HEX, 7)} into main`, `{"sha":"${r.string(HEX, 40)}","tree":"${r.string(HEX, 40)}"}`, `fixup! ${r.string(HEX, 12)} bump deps`]),
  "base64-image": (r) => r.pick([`<img alt="logo" src="${base64Image(r)}">`, `background-image: url(${base64Image(r)});`, `{"avatar":"${base64Image(r)}"}`]),
  "order-number": (r) => r.pick([`Order #${r.string(DIGITS, r.int(6, 10))} has shipped`, `PO-${r.int(2019, 2025)}-${r.string(DIGITS, 6)}`, `Invoice INV-${r.string(DIGITS, 8)} is due`, `order_id=${r.string(DIGITS, r.int(6, 9))}&sku=${r.string(UPPER, 3)}-${r.string(DIGITS, 4)}`, `Your confirmation number is ${r.string(UPPER, 2)}${r.string(DIGITS, 8)}.`]),
  version: (r) => r.pick([`v${r.int(0, 20)}.${r.int(0, 40)}.${r.int(0, 99)}`, `version ${r.int(1, 12)}.${r.int(0, 9)}.${r.int(0, 9)}.${r.int(0, 9)}`, `Chrome/${r.int(90, 130)}.0.${r.int(4000, 6999)}.${r.int(10, 200)}`, `node-v${r.int(14, 24)}.${r.int(0, 20)}.${r.int(0, 9)}-linux-x64`, `${r.int(0, 5)}.${r.int(0, 20)}.${r.int(0, 30)}-beta.${r.int(1, 9)}+build.${r.int(100, 999)}`, `Release: ${r.int(1, 20)}.${r.int(0, 9)}.${r.int(0, 9)}.${r.int(0, 9)}`]),
  "iso-date": (r) => `${r.int(1990, 2030)}-${String(r.int(1, 12)).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}${r.pick(["", `T${String(r.int(0, 23)).padStart(2, "0")}:${String(r.int(0, 59)).padStart(2, "0")}:${String(r.int(0, 59)).padStart(2, "0")}.${r.string(DIGITS, 3)}Z`, " 10:22:33 +0200"])}`,
  "phone-like-serial": (r) => r.pick([`S/N ${r.string(DIGITS, 4)}-${r.string(DIGITS, 4)}-${r.string(DIGITS, 4)}`, `Part no. ${r.int(0, 1)}${r.string(DIGITS, 2)}-${r.string(DIGITS, 3)}-${r.string(DIGITS, 4)}`, `SN-${r.int(2, 9)}${r.string(DIGITS, 2)}-${r.string(DIGITS, 3)}-${r.string(DIGITS, 4)}`, `Model KX-${r.string(UPPER, 1)}${r.string(DIGITS, 4)}-${r.string(UPPER, 1)}`, `ISBN 978-${r.int(0, 9)}-${r.string(DIGITS, 3)}-${r.string(DIGITS, 5)}-${r.int(0, 9)}`, `Ticket ${r.string(DIGITS, 3)}-${r.string(DIGITS, 7)}`]),
  "sha256-hex": (r) => r.pick([`sha256:${r.string(HEX, 64)}`, `"integrity": "sha512-${r.string(BASE64, 86)}=="`, `${r.string(HEX, 64)}  dist/app.tar.gz`, `md5 ${r.string(HEX, 32)}`, `ETag: "${r.string(HEX, 32)}"`]),
  "css-color": (r) => `.btn{color:#${r.string(HEX, 6)};background:rgba(${r.int(0, 255)}, ${r.int(0, 255)}, ${r.int(0, 255)}, 0.${r.int(1, 9)});border:1px solid #${r.string(HEX, 3)}}`,
  semver: (r) => `"${r.pick(["react", "lodash", "zod", "next", "vitest", "@types/node"])}": "${r.pick(["^", "~", ""])}${r.int(0, 20)}.${r.int(0, 40)}.${r.int(0, 99)}"`,
  lorem: (r) => Array.from({ length: r.int(2, 6) }, () => sentence(r, LOREM, r.int(6, 16))).join(" "),
  prose: (r) => Array.from({ length: r.int(5, 15) }, () => sentence(r, WORDS, r.int(6, 20))).join(" "),
  "minified-js": minifiedJs,
  "prefixed-id": (r) => `${r.pick(["usr", "org", "prj", "run", "cus", "evt", "ch", "pi"])}_${r.string(ALNUM, r.int(14, 24))}`,
  "base64-blob": (r) => `{"payload":"${r.string(BASE64, r.int(40, 400))}","encoding":"base64"}`,
  "k8s-names": (r) => `pod/${r.pick(["api", "web", "worker"])}-${r.string(HEX, 10)}-${r.string(LOWER + DIGITS, 5)} 1/1 Running 0 ${r.int(1, 59)}m`,
  "amounts-and-stats": (r) => `Total: $${r.int(1, 99)},${r.string(DIGITS, 3)}.${r.string(DIGITS, 2)} (${r.int(0, 100)}.${r.int(0, 9)}%) across ${r.int(2, 9999)} orders, p99 ${r.int(10, 999)}ms`,
  "url-no-credentials": (r) => `https://${r.pick(["example.com", "docs.example.org", "cdn.example.net"])}/${r.string(LOWER, 6)}/${r.string(BASE64URL, 12)}?page=${r.int(1, 99)}&sort=desc#section-${r.int(1, 9)}`,
};

/** Seeded, deterministic hard negatives for plain-text scanning: `perCategory` per category. */
export function generateNegativeTexts(seed: number, perCategory: number): NegativeSample[] {
  const random = new SeededRandom(seed);
  const samples: NegativeSample[] = [];
  for (const [category, make] of Object.entries(TEXT_GENERATORS)) {
    for (let i = 0; i < perCategory; i++) samples.push({ category, text: make(random) });
  }
  return samples;
}

/**
 * Hard negatives for JSON redaction: numeric fields that look like cards, phones and SSNs as
 * text (a 16-digit Luhn-valid number, 13-digit millisecond timestamps) must pass untouched.
 */
export function generateNegativeJson(seed: number, count: number): NegativeJsonSample[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, () => ({
    category: "numeric-fields",
    value: {
      ts: msTimestamp(random),
      createdAt: msTimestamp(random),
      amount: Number(`4${random.string(DIGITS, 15)}`),
      orderId: Number(random.string(DIGITS, 9)),
      ratio: random.next(),
      id: random.uuid(),
      items: [msTimestamp(random), random.int(0, 1e9)],
    },
  }));
}
