// Links in chat messages, for rendering as text plus safe anchors: only http(s) URLs become links
// (never javascript:, data: or anything else), trailing punctuation stays text, and the text of a
// link is exactly what was written. Clients render segments as React text, never as HTML.

export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const candidate = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;
const trailing = /[.,;:!?)\]}'"]+$/;

/** The safe href for a written link, or null when it is not a plain http(s) URL. */
export function safeHref(written: string): string | null {
  const withScheme = /^www\./i.test(written) ? `https://${written}` : written;
  if (!/^https?:\/\//i.test(withScheme)) return null;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname || url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

export function linkify(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  const push = (segment: TextSegment) => {
    const prev = segments[segments.length - 1];
    if (segment.kind === 'text' && prev?.kind === 'text') prev.text += segment.text;
    else if (segment.text) segments.push(segment);
  };
  for (const match of text.matchAll(candidate)) {
    const start = match.index ?? 0;
    const raw = match[0];
    const written = raw.replace(trailing, '');
    const href = safeHref(written);
    push({ kind: 'text', text: text.slice(last, start) });
    if (href) push({ kind: 'link', text: written, href });
    else push({ kind: 'text', text: written });
    last = start + written.length;
  }
  push({ kind: 'text', text: text.slice(last) });
  return segments;
}
