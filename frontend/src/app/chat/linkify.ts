/** A piece of a message: plain text, or a web address to show as a link. */
export type TextPart =
  { readonly text: string; readonly href?: undefined } | { readonly text: string; readonly href: string };

/** http(s) addresses and bare www. ones, up to whitespace or an angle bracket. */
const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>]+/gi;
/** Punctuation that usually ends the sentence around an address rather than the address itself. */
const TRAILING = /[.,;:!?'")\]]+$/;

/**
 * Splits a message into text and links. Only http and https addresses become links, so nothing
 * a sender types can run script; the parts are rendered by interpolation, never as HTML.
 */
export function linkify(body: string): TextPart[] {
  const parts: TextPart[] = [];
  let from = 0;
  for (const match of body.matchAll(ADDRESS)) {
    let address = match[0];
    const trailing = TRAILING.exec(address)?.[0] ?? '';
    // Keep a closing bracket that belongs to the address, as in Wikipedia links.
    const keep = trailing.startsWith(')') && address.includes('(') ? 1 : 0;
    address = address.slice(0, address.length - trailing.length + keep);
    const start = match.index;
    if (start > from) {
      parts.push({ text: body.slice(from, start) });
    }
    const href = /^www\./i.test(address) ? `https://${address}` : address;
    parts.push({ text: address, href });
    from = start + address.length;
  }
  if (from < body.length) {
    parts.push({ text: body.slice(from) });
  }
  return parts;
}
