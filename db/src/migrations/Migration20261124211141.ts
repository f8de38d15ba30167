import { Migration } from '@mikro-orm/migrations';

export class Migration20261124211141 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "queue_filter_presets" ("id" uuid not null, "queue" varchar(20) not null, "owner_id" uuid not null, "name" varchar(60) not null, "shared" boolean not null default false, "filter" jsonb not null, "sort" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "queue_filter_presets_pkey" primary key ("id"));`);
    this.addSql(`create index "queue_filter_presets_queue_shared_index" on "queue_filter_presets" ("queue", "shared");`);
    this.addSql(`alter table "queue_filter_presets" add constraint "queue_filter_presets_owner_id_queue_name_unique" unique ("owner_id", "queue", "name");`);

    this.addSql(`create table "queue_items" ("id" uuid not null, "queue" varchar(20) not null, "subject_id" uuid not null, "state" varchar(30) not null, "version" int not null default 1, "priority" int not null default 0, "title" varchar(300) not null default '', "seller_id" uuid null, "value_minor" bigint not null default 0, "currency" varchar(3) not null default 'EUR', "conditions" text[] not null, "waiting_on" varchar(10) null default 'staff', "claimed_by" uuid null, "claimed_at" timestamptz null, "claim_expires_at" timestamptz null, "last_activity_at" timestamptz not null, "decided_by" uuid null, "decided_at" timestamptz null, "sla_due_at" timestamptz null, "last_action" varchar(30) null, "last_actor_id" uuid null, "last_action_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "queue_items_pkey" primary key ("id"));`);
    this.addSql(`create index "queue_items_queue_state_created_at_index" on "queue_items" ("queue", "state", "created_at");`);
    this.addSql(`create index "queue_items_queue_claimed_by_index" on "queue_items" ("queue", "claimed_by");`);
    this.addSql(`create index "queue_items_queue_seller_id_index" on "queue_items" ("queue", "seller_id");`);
    this.addSql(`create index "queue_items_queue_value_minor_index" on "queue_items" ("queue", "value_minor");`);
    this.addSql(`create index "queue_items_queue_sla_due_at_index" on "queue_items" ("queue", "sla_due_at");`);
    this.addSql(`create index "queue_items_queue_last_activity_at_index" on "queue_items" ("queue", "last_activity_at");`);
    this.addSql(`alter table "queue_items" add constraint "queue_items_queue_subject_id_unique" unique ("queue", "subject_id");`);

    this.addSql(`create table "queue_notes" ("id" uuid not null, "item_id" uuid not null, "author_id" uuid not null, "body" text not null, "mention_ids" uuid[] not null, "created_at" timestamptz not null, constraint "queue_notes_pkey" primary key ("id"));`);
    this.addSql(`create index "queue_notes_item_id_created_at_index" on "queue_notes" ("item_id", "created_at");`);

    this.addSql(`create table "submissions" ("id" uuid not null, "seller_id" uuid not null, "state" varchar(20) not null default 'draft', "version" int not null default 1, "currency" varchar(3) not null default 'EUR', "indicative_minor" int not null default 0, "quote_minor" int null, "counter_minor" int null, "agreed_minor" int null, "counter_rounds" int not null default 0, "quote_expires_at" timestamptz null, "note" varchar(2000) not null default '', "reject_reason" varchar(30) null, "reject_note" varchar(1000) null, "info_request" varchar(2000) null, "info_response" varchar(2000) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "submissions_pkey" primary key ("id"));`);
    this.addSql(`create index "submissions_seller_id_created_at_index" on "submissions" ("seller_id", "created_at");`);
    this.addSql(`create index "submissions_state_quote_expires_at_index" on "submissions" ("state", "quote_expires_at");`);

    this.addSql(`create table "submission_items" ("id" uuid not null, "submission_id" uuid not null, "position" int not null default 0, "artist" varchar(200) not null, "title" varchar(200) not null, "format" varchar(20) not null, "grade" varchar(4) not null, "asking_minor" int not null, "reference_minor" int not null, "reference_source" varchar(10) not null default 'asking', "indicative_offer_minor" int not null default 0, "offer_minor" int not null default 0, "counter_minor" int null, "sell_price_minor" int not null default 0, "declined" boolean not null default false, "image_ids" uuid[] not null, "listing_id" uuid null, "created_at" timestamptz not null, constraint "submission_items_pkey" primary key ("id"));`);
    this.addSql(`create index "submission_items_submission_id_position_index" on "submission_items" ("submission_id", "position");`);

    this.addSql(`alter table "queue_notes" add constraint "queue_notes_item_id_foreign" foreign key ("item_id") references "queue_items" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "submissions" add constraint "submissions_seller_id_foreign" foreign key ("seller_id") references "users" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "submission_items" add constraint "submission_items_submission_id_foreign" foreign key ("submission_id") references "submissions" ("id") on update cascade on delete cascade;`);





  }

  override async down(): Promise<void> {
    this.addSql(`alter table "queue_notes" drop constraint "queue_notes_item_id_foreign";`);

    this.addSql(`alter table "submission_items" drop constraint "submission_items_submission_id_foreign";`);

    this.addSql(`drop table if exists "queue_filter_presets" cascade;`);

    this.addSql(`drop table if exists "queue_items" cascade;`);

    this.addSql(`drop table if exists "queue_notes" cascade;`);

    this.addSql(`drop table if exists "submissions" cascade;`);

    this.addSql(`drop table if exists "submission_items" cascade;`);




  }

}
