/** Visible text of a fetched page: tags, scripts and styles stripped, whitespace collapsed. */
export function pageText(body: string): string {
  return body
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, " ")
    .replace(/<!--([\s\S]*?)-->/g, " $1 ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/[ \t]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}

export function pageTitle(body: string): string | undefined {
  return /<title[^>]*>([^<]{1,200})<\/title>/i.exec(body)?.[1]?.trim();
}
