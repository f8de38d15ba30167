import { describe, expect, it } from 'vitest';
import { sqlShape } from './sql-text.js';

describe('sqlShape', () => {
  it('keeps the statement and drops every literal value', () => {
    expect(sqlShape(`select "u".* from "users" as "u" where "u"."email" = 'ana@example.com' and "u"."version" = 3 limit 1`)).toBe(
      `select "u".* from "users" as "u" where "u"."email" = ? and "u"."version" = ? limit ?`,
    );
  });

  it('drops quoted strings with escaped quotes, E-strings, dollar quotes, decimals and negatives', () => {
    const text = `insert into "t" ("a","b","c","d","e") values ('it''s', E'line\\nbreak \\' quote', $tag$secret$tag$, 12.50, -7)`;
    const shape = sqlShape(text);
    expect(shape).toBe(`insert into "t" ("a","b","c","d","e") values (?, ?, ?, ?, ?)`);
    for (const value of ['it', 'line', 'secret', '12.50', '-7']) expect(shape).not.toContain(value);
  });

  it('leaves identifiers with digits, positional parameters and casts alone', () => {
    expect(sqlShape(`select "col1", t2.x from t2 where id = $1::uuid and "addr_line2" is null`)).toBe(`select "col1", t2.x from t2 where id = $1::uuid and "addr_line2" is null`);
  });
});
