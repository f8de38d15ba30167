// Internal notes are stored as the markdown people wrote. This reads the small subset notes use —
// paragraphs, line breaks, "- " lists, **bold**, *italic*, `code`, [links](https://…) and @mentions —
// into plain data that React renders as elements. Nothing is ever injected as HTML, so a note
// cannot carry script, and only http(s) and mailto links become links.
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; text: string }
  | { type: 'em'; text: string }
  | { type: 'code'; text: string }
  | { type: 'link'; text: string; href: string }
  | { type: 'mention'; text: string }
  | { type: 'br' };

export type Block = { type: 'p'; lines: Inline[] } | { type: 'ul'; items: Inline[][] };

const inlinePattern = /(\*\*([^*]+)\*\*)|(`([^`]+)`)|(\[([^\]]+)\]\(([^)\s]+)\))|((?:^|(?<=[^\p{L}\p{N}_.@]))@[\p{L}\p{N}][\p{L}\p{N}._-]*)|(\*([^*\s][^*]*)\*)|(\b_([^_]+)_\b)/gu;

export function safeHref(href: string): string | null {
  return /^(https?:\/\/|mailto:)/i.test(href) ? href : null;
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(inlinePattern)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ type: 'text', text: text.slice(last, at) });
    if (m[1]) out.push({ type: 'strong', text: m[2]! });
    else if (m[3]) out.push({ type: 'code', text: m[4]! });
    else if (m[5]) {
      const href = safeHref(m[7]!);
      out.push(href ? { type: 'link', text: m[6]!, href } : { type: 'text', text: m[0] });
    } else if (m[8]) {
      // A sentence's full stop after a name is not part of the mention.
      const name = m[8].replace(/[._-]+$/, '');
      out.push({ type: 'mention', text: name });
      if (name.length < m[8].length) out.push({ type: 'text', text: m[8].slice(name.length) });
    } else if (m[9]) out.push({ type: 'em', text: m[10]! });
    else if (m[11]) out.push({ type: 'em', text: m[12]! });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}

export function parseNote(markdown: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of markdown.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = chunk.split('\n').filter((l, i, all) => l.trim() !== '' || (i > 0 && i < all.length - 1));
    if (lines.length === 0) continue;
    if (lines.every((l) => /^\s*[-*] /.test(l))) {
      blocks.push({ type: 'ul', items: lines.map((l) => parseInline(l.replace(/^\s*[-*] /, ''))) });
      continue;
    }
    const inline: Inline[] = [];
    lines.forEach((line, i) => {
      if (i > 0) inline.push({ type: 'br' });
      inline.push(...parseInline(line));
    });
    blocks.push({ type: 'p', lines: inline });
  }
  return blocks;
}
