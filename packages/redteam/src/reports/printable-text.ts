// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Agent text with control characters (other than tab and line breaks) and lone surrogates shown
 * as U+FFFD: they carry nothing a reader can see, terminals act on some of them, and a lone
 * surrogate is not text at all.
 */
export function printableText(text: string): string {
  return text.replace(UNPRINTABLE, "\ufffd");
}
