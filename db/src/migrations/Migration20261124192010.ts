import { Migration } from '@mikro-orm/migrations';

export class Migration20261124192010 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "ledger_accounts" ("code" varchar(120) not null, "type" varchar(10) not null, "normal_side" varchar(6) not null, "rule" varchar(20) not null, "currency" varchar(3) not null, "debits_posted_minor" bigint not null default 0, "credits_posted_minor" bigint not null default 0, "debits_pending_minor" bigint not null default 0, "credits_pending_minor" bigint not null default 0, constraint "ledger_accounts_pkey" primary key ("code"));`);

    this.addSql(`create table "ledger_postings" ("id" bigserial primary key, "transfer_id" varchar(200) not null, "account_code" varchar(120) not null, "side" varchar(6) not null, "amount_minor" bigint not null, "currency" varchar(3) not null, "phase" varchar(10) not null, "created_at" timestamptz not null);`);
    this.addSql(`create index "ledger_postings_transfer_id_index" on "ledger_postings" ("transfer_id");`);
    this.addSql(`create index "ledger_postings_account_code_id_index" on "ledger_postings" ("account_code", "id");`);

    this.addSql(`create table "ledger_transfers" ("id" varchar(200) not null, "kind" varchar(20) not null, "code" varchar(40) not null, "status" varchar(10) not null, "pending_id" varchar(200) null, "body" jsonb not null, "applied_at" timestamptz not null, "expires_at" timestamptz null, "resolved_by" varchar(200) null, constraint "ledger_transfers_pkey" primary key ("id"));`);
    this.addSql(`create index "ledger_transfers_pending_id_index" on "ledger_transfers" ("pending_id");`);

    this.addSql(`alter table "ledger_postings" add constraint "ledger_postings_amount_positive" check ("amount_minor" > 0);`);
    // Postings are append-only: corrections are new transfers, never edits (CONVENTIONS habit 6).
    this.addSql(`create function "ledger_postings_immutable"() returns trigger language plpgsql as $$ begin raise exception 'ledger_postings are append-only'; end $$;`);
    this.addSql(`create trigger "ledger_postings_no_change" before update or delete on "ledger_postings" for each row execute function "ledger_postings_immutable"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "ledger_accounts" cascade;`);

    this.addSql(`drop table if exists "ledger_postings" cascade;`);

    this.addSql(`drop table if exists "ledger_transfers" cascade;`);

    this.addSql(`drop function if exists "ledger_postings_immutable"();`);
  }

}
