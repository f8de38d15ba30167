// The catalog's repositories through db(em): a category's subtree is itself and every descendant,
// however deep, and nothing beside it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { Category, openDatabase, type Database } from '@marketdesk/db';
import { categoryRepository } from '../src/repositories/category-repository.js';

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ databaseUrl: inject('databaseUrl') });
});
afterAll(async () => {
  await database?.close();
});

it('answers a category’s subtree: itself and its descendants at every depth, not its siblings or parent', async () => {
  const em = database.orm.em.fork();
  const tag = randomUUID().slice(0, 8);
  const make = (name: string, parent: Category | null) => em.create(Category, { slug: `${name}-${tag}`, name, position: 0, parent });
  const music = make('music', null);
  const rock = make('rock', music);
  const punk = make('punk', rock);
  const hardcore = make('hardcore', punk);
  const jazz = make('jazz', music);
  await em.flush();

  expect((await categoryRepository.subtreeIds(em, rock.slug)).sort()).toEqual([rock.id, punk.id, hardcore.id].sort());
  expect((await categoryRepository.subtreeIds(em, music.slug)).sort()).toEqual([music.id, rock.id, punk.id, hardcore.id, jazz.id].sort());
  expect(await categoryRepository.subtreeIds(em, hardcore.slug)).toEqual([hardcore.id]);
  expect(await categoryRepository.subtreeIds(em, `no-such-${tag}`)).toEqual([]);
});
