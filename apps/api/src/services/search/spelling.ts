// "Did you mean": each query word that no listing uses is replaced by the closest word of the
// listing vocabulary (pg_trgm similarity over search_words, kept by a trigger on listings).
import type { EntityManager } from '@marketdesk/db';
import { sql } from '../../repositories/sql.js';

export function queryWords(q: string): string[] {
  return q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0).slice(0, 8);
}

export interface Correction {
  words: string[];
  /** The corrected query, or null when every word is known. */
  suggestion: string | null;
}

export async function correctSpelling(em: EntityManager, words: string[]): Promise<Correction> {
  const corrected: string[] = [];
  let changed = false;
  for (const word of words) {
    if (word.length < 3) {
      corrected.push(word);
      continue;
    }
    const rows = await sql(
      em,
      `select word, word = ? as exact from search_words
        where word = ? or (similarity(word, ?) > 0.3 and word like ?)
        order by (word = ?) desc, similarity(word, ?) desc, word limit 1`,
      [word, word, word, `${word[0]}%`, word, word],
    );
    const best = rows[0];
    if (best && !best.exact) {
      corrected.push(best.word as string);
      changed = true;
    } else corrected.push(word);
  }
  return { words: corrected, suggestion: changed ? corrected.join(' ') : null };
}
