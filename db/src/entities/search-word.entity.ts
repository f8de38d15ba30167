// The vocabulary of listing titles and artists, for "did you mean" suggestions (pg_trgm similarity).
import { EntitySchema } from '@mikro-orm/core';

export class SearchWord {
  word!: string;
}

export const SearchWordSchema = new EntitySchema<SearchWord>({
  class: SearchWord,
  tableName: 'search_words',
  indexes: [{ name: 'search_words_trgm_index', expression: 'create index "search_words_trgm_index" on "search_words" using gin ("word" gin_trgm_ops)' }],
  properties: { word: { type: 'string', length: 80, primary: true } },
});
