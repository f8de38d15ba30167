// "Did you mean": each query word that no listing uses is replaced by the closest word of the
// listing vocabulary (pg_trgm similarity over search_words, kept by a trigger on listings).
import type { EntityManager } from '@marketdesk/db';
import { searchRepository } from '../../repositories/search-repository.js';

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
    const best = await searchRepository.closestWord(em, word);
    if (best && !best.exact) {
      corrected.push(best.word);
      changed = true;
    } else corrected.push(word);
  }
  return { words: corrected, suggestion: changed ? corrected.join(' ') : null };
}
