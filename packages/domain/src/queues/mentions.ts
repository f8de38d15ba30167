// @mentions in internal notes. A mention is `@` plus a name with its spaces removed
// (`@DanaAdmin`), or a first name when only one person on the team has it (`@dana`). Notes are
// stored as the raw markdown; this only finds who to notify.
export interface MentionCandidate {
  id: string;
  displayName: string;
}

const mentionPattern = /(^|[^\p{L}\p{N}_.@])@([\p{L}\p{N}][\p{L}\p{N}._-]{0,79})/gu;

export function mentionTokens(markdown: string): string[] {
  const tokens = new Set<string>();
  for (const m of markdown.matchAll(mentionPattern)) tokens.add(m[2]!.replace(/[._-]+$/, '').toLowerCase());
  return [...tokens].filter(Boolean);
}

const squash = (name: string) => name.toLowerCase().replace(/\s+/g, '');
const firstName = (name: string) => name.trim().split(/\s+/)[0]?.toLowerCase() ?? '';

/** The people a note mentions, each once; tokens that match nobody (or several by first name) are ignored. */
export function resolveMentions(markdown: string, team: readonly MentionCandidate[]): MentionCandidate[] {
  const found = new Map<string, MentionCandidate>();
  for (const token of mentionTokens(markdown)) {
    const full = team.filter((p) => squash(p.displayName) === token);
    const byFirst = team.filter((p) => firstName(p.displayName) === token);
    const match = full.length === 1 ? full[0] : full.length === 0 && byFirst.length === 1 ? byFirst[0] : undefined;
    if (match) found.set(match.id, match);
  }
  return [...found.values()];
}
