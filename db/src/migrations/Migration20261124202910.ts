import { Migration } from '@mikro-orm/migrations';

export class Migration20261124202910 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "seller_accounts" ("user_id" uuid not null, "provider_account_id" varchar(100) not null, "created_at" timestamptz not null, constraint "seller_accounts_pkey" primary key ("user_id"));`);
    this.addSql(`alter table "seller_accounts" add constraint "seller_accounts_provider_account_id_unique" unique ("provider_account_id");`);

    this.addSql(`create table "payouts" ("id" uuid not null, "seller_id" uuid not null, "requested_by" uuid not null, "amount_minor" int not null, "currency" varchar(3) not null default 'EUR', "state" varchar(20) not null default 'requested', "version" int not null default 1, "reason" varchar(500) null, "decided_by" uuid null, "provider_transfer_id" varchar(100) null, "provider_payout_id" varchar(100) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "payouts_pkey" primary key ("id"), constraint payouts_amount_positive check (amount_minor > 0));`);
    this.addSql(`alter table "payouts" add constraint "payouts_provider_payout_id_unique" unique ("provider_payout_id");`);
    this.addSql(`create index "payouts_state_created_at_index" on "payouts" ("state", "created_at");`);
    this.addSql(`create index "payouts_seller_id_created_at_index" on "payouts" ("seller_id", "created_at");`);

    this.addSql(`create table "notification_preferences" ("user_id" uuid not null, "kind" varchar(40) not null, "in_app" boolean not null default true, "email" boolean not null default true, constraint "notification_preferences_pkey" primary key ("user_id", "kind"));`);

    this.addSql(`create table "notifications" ("id" uuid not null, "user_id" uuid not null, "kind" varchar(40) not null, "title" varchar(200) not null, "body" text not null default '', "link" varchar(300) null, "dedupe_key" varchar(200) not null, "read_at" timestamptz null, "created_at" timestamptz not null, constraint "notifications_pkey" primary key ("id"));`);
    this.addSql(`alter table "notifications" add constraint "notifications_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(`create index "notifications_user_id_created_at_index" on "notifications" ("user_id", "created_at");`);

    this.addSql(`create table "reviews" ("id" uuid not null, "order_id" uuid not null, "buyer_id" uuid not null, "seller_id" uuid not null, "rating" smallint not null, "body" text not null default '', "seller_reply" text null, "seller_replied_at" timestamptz null, "hidden" boolean not null default false, "hidden_reason" varchar(500) null, "editable_until" timestamptz not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "reviews_pkey" primary key ("id"), constraint reviews_rating_range check (rating between 1 and 5));`);
    this.addSql(`create index "reviews_seller_id_created_at_index" on "reviews" ("seller_id", "created_at");`);
    this.addSql(`alter table "reviews" add constraint "reviews_order_buyer_unique" unique ("order_id", "buyer_id");`);

    this.addSql(`alter table "seller_accounts" add constraint "seller_accounts_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "payouts" add constraint "payouts_seller_id_foreign" foreign key ("seller_id") references "users" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "notification_preferences" add constraint "notification_preferences_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "notifications" add constraint "notifications_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "reviews" add constraint "reviews_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "reviews" add constraint "reviews_buyer_id_foreign" foreign key ("buyer_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "reviews" add constraint "reviews_seller_id_foreign" foreign key ("seller_id") references "users" ("id") on update cascade on delete cascade;`);




    this.addSql(`alter table "orders" add column "carrier" varchar(20) null, add column "tracking_number" varchar(60) null, add column "shipment_proof_key" varchar(200) null, add column "shipped_at" timestamptz null, add column "delivered_at" timestamptz null, add column "completed_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "seller_accounts" cascade;`);

    this.addSql(`drop table if exists "payouts" cascade;`);

    this.addSql(`drop table if exists "notification_preferences" cascade;`);

    this.addSql(`drop table if exists "notifications" cascade;`);

    this.addSql(`drop table if exists "reviews" cascade;`);



    this.addSql(`alter table "orders" drop column "carrier", drop column "tracking_number", drop column "shipment_proof_key", drop column "shipped_at", drop column "delivered_at", drop column "completed_at";`);
  }

}
