import { Migration } from '@mikro-orm/migrations';

/**
 * The house shop: the platform's own record store, which buys sellers' submissions and sells the
 * records as its inventory. A seller account like any other (listings, orders, escrow), that nobody
 * signs in to (its password hash is not an argon2 hash, so no password matches), marked in the
 * one-row `house_shop` table.
 */
export class Migration20261207180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "house_shop" ("id" smallint not null default 1, "user_id" uuid not null, constraint "house_shop_pkey" primary key ("id"), constraint "house_shop_single_row" check ("id" = 1));`);
    this.addSql(`alter table "house_shop" add constraint "house_shop_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete restrict;`);
    this.addSql(`insert into "users" ("id", "email", "password_hash", "display_name", "roles", "version", "created_at", "updated_at", "email_verified_at") values (gen_random_uuid(), 'records@house.marketdesk.invalid', '!house-shop: nobody signs in', 'Marketdesk Records', '{seller}', 1, now(), now(), now()) on conflict ("email") do nothing;`);
    this.addSql(`insert into "house_shop" ("id", "user_id") select 1, "id" from "users" where "email" = 'records@house.marketdesk.invalid' on conflict ("id") do nothing;`);
    this.addSql(`alter table "submissions" add column "purchase_minor" int null, add column "purchased_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "submissions" drop column "purchase_minor", drop column "purchased_at";`);
    this.addSql(`drop table if exists "house_shop" cascade;`);
  }
}
