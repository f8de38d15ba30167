import { Migration } from '@mikro-orm/migrations';

export class Migration20261124233215 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "risk_rule_versions" ("id" serial primary key, "rules" jsonb not null, "created_by" uuid null, "created_at" timestamptz not null);`);

    this.addSql(`create table "user_flags" ("id" uuid not null, "user_id" uuid not null, "note" varchar(500) not null, "created_by" uuid not null, "created_at" timestamptz not null, "cleared_by" uuid null, "cleared_at" timestamptz null, constraint "user_flags_pkey" primary key ("id"));`);
    this.addSql(`create index "user_flags_user_id_created_at_index" on "user_flags" ("user_id", "created_at");`);

    this.addSql(`alter table "user_flags" add constraint "user_flags_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "checkouts" add column "risk_score" int null, add column "risk_reasons" jsonb not null default '[]', add column "client_ip" varchar(64) null;`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "risk_rule_versions" cascade;`);

    this.addSql(`drop table if exists "user_flags" cascade;`);

    this.addSql(`alter table "checkouts" drop column "risk_score", drop column "risk_reasons", drop column "client_ip";`);

  }

}
