/** Inline styles: the document is self-contained (no external fetches), and its CSP allows nothing else. */
export const HTML_STYLES = `
:root { color-scheme: light; --fg: #16181d; --muted: #5b616e; --line: #dfe2e8; --bg: #ffffff; --soft: #f5f6f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 1040px; margin: 0 auto; padding: 32px 24px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 40px 0 12px; border-bottom: 1px solid var(--line); padding-bottom: 6px; }
h3 { font-size: 17px; margin: 28px 0 8px; } h4 { font-size: 14px; margin: 18px 0 6px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.meta { color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
code, pre { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 420px; overflow: auto; }
.score { font-size: 34px; font-weight: 700; }
.band { display: inline-block; padding: 2px 10px; border-radius: 999px; font-size: 13px; font-weight: 600; color: #fff; vertical-align: middle; }
.band-critical { background: #9f1239; } .band-high { background: #c2410c; } .band-medium { background: #a16207; } .band-low { background: #1d4ed8; } .band-none, .band-info { background: #4b5563; }
.finding { border: 1px solid var(--line); border-radius: 8px; padding: 4px 18px 12px; margin: 16px 0; }
.chain-ok { color: #166534; font-weight: 600; } .chain-failed { color: #9f1239; font-weight: 700; }
`;
