// The repositories' typed SQL: `db(em)` is a Kysely query builder over the entities in
// @marketdesk/db — tables by entity name (`Payout`), columns by property name (`amountMinor`, a
// relation by its property, `seller`, holding the related row's id) — bound to the caller's
// transaction, with every value sent as a bound parameter. The entities stay the one description of
// each table: `DB` is inferred from their classes, so a renamed or retyped property breaks the
// queries that use it at compile time.
//
// What MikroORM's Kysely plugin does with the options below, and the one thing it does not:
// - `tableNamingStrategy: 'entity'`: the class entities carry no table name at the type level, so
//   InferClassEntityDB can only key them by entity name; the plugin swaps in the table (`payouts`).
// - `columnNamingStrategy: 'property'`: property names in, property names out (rows come back keyed
//   `amountMinor`, `seller`), translated through each entity's metadata.
// - `convertValues`: values go in and come out through the entities' types — a Date for
//   timestamptz, JSON and arrays parsed. Only a column selected under its own property name is
//   converted: an alias (`p.createdAt as created`) or an aggregate (`max(p.createdAt)`) comes back as
//   PostgreSQL's text although Kysely types it as the column, so select dates unaliased or type and
//   convert them yourself. int8 results (count, sum) are strings from pg and numbers from PGlite:
//   read them through Number().
// - The create/update hooks stay off: the service passes `now`, and the repository writes it.
import type { EntityManager, entityClasses } from '@marketdesk/db';
import type { InferClassEntityDB, Kysely } from '@mikro-orm/postgresql';

/** For the rare statement the builder cannot say (ordered-set aggregates, say): in a repository, named for what it answers. */
export { sql } from 'kysely';

type EntityClasses = typeof entityClasses;
/** Each entity class tagged with its entity name, the key InferClassEntityDB names its table by. */
type NamedEntityClass = { [Name in keyof EntityClasses]: EntityClasses[Name] & { '~entityName'?: Name } }[keyof EntityClasses];

const options = { tableNamingStrategy: 'entity', columnNamingStrategy: 'property', convertValues: true } as const;

/** Every table by entity name, its columns by property name, as a row reads. */
export type DB = InferClassEntityDB<NamedEntityClass, typeof options>;

/** The typed query builder for this entity manager: inside `em.transactional`, the transaction's. */
export function db(em: EntityManager): Kysely<DB> {
  return em.getKysely<DB>(options);
}
