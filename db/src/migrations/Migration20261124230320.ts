import { Migration } from '@mikro-orm/migrations';

export class Migration20261124230320 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "disputes" ("id" uuid not null, "order_id" uuid not null, "buyer_id" uuid not null, "seller_id" uuid not null, "state" varchar(20) not null default 'open', "version" int not null default 1, "source" varchar(12) not null default 'buyer', "reason" varchar(30) not null, "description" text not null default '', "currency" varchar(3) not null default 'EUR', "amount_minor" int not null, "buyer_share_minor" int null, "escalated" boolean not null default false, "assignee_id" uuid null, "state_entered_at" timestamptz not null, "sla_kind" varchar(20) null, "sla_due_at" timestamptz null, "sla_at_risk_at" timestamptz null, "sla_status" varchar(10) not null default 'ok', "provider_dispute_id" varchar(100) null, "provider_refund_id" varchar(100) null, "resolution_note" varchar(2000) null, "resolved_by" uuid null, "resolved_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "disputes_pkey" primary key ("id"));`);
    this.addSql(`alter table "disputes" add constraint "disputes_provider_dispute_id_order_id_unique" unique ("provider_dispute_id", "order_id");`);
    this.addSql(`create index "disputes_order_id_index" on "disputes" ("order_id");`);
    this.addSql(`create index "disputes_buyer_id_created_at_index" on "disputes" ("buyer_id", "created_at");`);
    this.addSql(`create index "disputes_seller_id_created_at_index" on "disputes" ("seller_id", "created_at");`);

    this.addSql(`create table "dispute_evidence" ("id" uuid not null, "dispute_id" uuid not null, "author_id" uuid not null, "party" varchar(10) not null, "body" text not null, "files" jsonb not null, "created_at" timestamptz not null, constraint "dispute_evidence_pkey" primary key ("id"));`);
    this.addSql(`create index "dispute_evidence_dispute_id_created_at_index" on "dispute_evidence" ("dispute_id", "created_at");`);

    this.addSql(`alter table "disputes" add constraint "disputes_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "disputes" add constraint "disputes_buyer_id_foreign" foreign key ("buyer_id") references "users" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "disputes" add constraint "disputes_seller_id_foreign" foreign key ("seller_id") references "users" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "dispute_evidence" add constraint "dispute_evidence_dispute_id_foreign" foreign key ("dispute_id") references "disputes" ("id") on update cascade on delete cascade;`);
    // One live dispute per order; a new one may follow only once the last is resolved or closed.
    this.addSql(`create unique index "disputes_one_open_per_order" on "disputes" ("order_id") where "state" in ('open', 'awaiting_seller', 'awaiting_buyer', 'under_review');`);

  }

  override async down(): Promise<void> {
    this.addSql(`alter table "dispute_evidence" drop constraint "dispute_evidence_dispute_id_foreign";`);

    this.addSql(`drop table if exists "disputes" cascade;`);

    this.addSql(`drop table if exists "dispute_evidence" cascade;`);

  }

}
