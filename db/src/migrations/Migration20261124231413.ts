import { Migration } from '@mikro-orm/migrations';

// Chat: threads (order and pre-sale), participants with their read position, messages (stream seq,
// idempotent client ids, tombstones, hiding), reports, and canned replies with a few defaults.
export class Migration20261124231413 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "chat_canned_replies" ("id" uuid not null, "title" varchar(80) not null, "body" text not null, "version" int not null default 1, "updated_by" uuid null, "archived_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "chat_canned_replies_pkey" primary key ("id"));`);

    this.addSql(`create table "chat_threads" ("id" uuid not null, "kind" varchar(10) not null, "order_id" uuid null, "listing_id" uuid null, "buyer_id" uuid not null, "seller_id" uuid not null, "last_message_seq" int not null default 0, "last_message_at" timestamptz null, "created_at" timestamptz not null, constraint "chat_threads_pkey" primary key ("id"));`);
    this.addSql(`create index "chat_threads_buyer_id_last_message_at_index" on "chat_threads" ("buyer_id", "last_message_at");`);
    this.addSql(`create index "chat_threads_seller_id_last_message_at_index" on "chat_threads" ("seller_id", "last_message_at");`);
    this.addSql(`create index "chat_threads_kind_last_message_at_index" on "chat_threads" ("kind", "last_message_at");`);
    this.addSql(`alter table "chat_threads" add constraint "chat_threads_order_unique" unique ("order_id");`);
    this.addSql(`alter table "chat_threads" add constraint "chat_threads_presale_unique" unique ("listing_id", "buyer_id");`);

    this.addSql(`create table "chat_messages" ("id" uuid not null, "thread_id" uuid not null, "seq" int not null, "changed_seq" int not null, "kind" varchar(10) not null default 'text', "author_id" uuid null, "author_role" varchar(10) not null, "client_id" uuid null, "body" text not null default '', "attachments" jsonb not null, "masked" boolean not null default false, "canned_reply_id" uuid null, "edited_at" timestamptz null, "deleted_at" timestamptz null, "hidden_at" timestamptz null, "hidden_by" uuid null, "hidden_reason" varchar(500) null, "created_at" timestamptz not null, constraint "chat_messages_pkey" primary key ("id"));`);
    this.addSql(`create index "chat_messages_thread_id_changed_seq_index" on "chat_messages" ("thread_id", "changed_seq");`);
    this.addSql(`alter table "chat_messages" add constraint "chat_messages_thread_seq_unique" unique ("thread_id", "seq");`);
    this.addSql(`alter table "chat_messages" add constraint "chat_messages_client_unique" unique ("thread_id", "author_id", "client_id");`);

    this.addSql(`create table "chat_message_reports" ("id" uuid not null, "message_id" uuid not null, "thread_id" uuid not null, "reporter_id" uuid not null, "reason" varchar(500) not null, "resolved_at" timestamptz null, "resolved_by" uuid null, "created_at" timestamptz not null, constraint "chat_message_reports_pkey" primary key ("id"));`);
    this.addSql(`create index "chat_message_reports_resolved_at_created_at_index" on "chat_message_reports" ("resolved_at", "created_at");`);
    this.addSql(`alter table "chat_message_reports" add constraint "chat_message_reports_once" unique ("message_id", "reporter_id");`);

    this.addSql(`create table "chat_participants" ("thread_id" uuid not null, "user_id" uuid not null, "role" varchar(10) not null, "last_read_seq" int not null default 0, "joined_at" timestamptz not null, constraint "chat_participants_pkey" primary key ("thread_id", "user_id"));`);
    this.addSql(`create index "chat_participants_user_id_index" on "chat_participants" ("user_id");`);

    this.addSql(`alter table "chat_threads" add constraint "chat_threads_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "chat_threads" add constraint "chat_threads_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "chat_threads" add constraint "chat_threads_buyer_id_foreign" foreign key ("buyer_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "chat_threads" add constraint "chat_threads_seller_id_foreign" foreign key ("seller_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "chat_messages" add constraint "chat_messages_thread_id_foreign" foreign key ("thread_id") references "chat_threads" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "chat_message_reports" add constraint "chat_message_reports_message_id_foreign" foreign key ("message_id") references "chat_messages" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "chat_participants" add constraint "chat_participants_thread_id_foreign" foreign key ("thread_id") references "chat_threads" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "chat_participants" add constraint "chat_participants_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    // An order thread names its order; a pre-sale thread its listing.
    this.addSql(`alter table "chat_threads" add constraint chat_threads_kind_check check ((kind = 'order' and order_id is not null) or (kind = 'presale' and listing_id is not null and order_id is null));`);

    this.addSql(`insert into "chat_canned_replies" ("id", "title", "body", "version", "created_at", "updated_at") values
      ('6c1f0a8e-0d5e-4c1a-9d3e-2b7f1e0c0001', 'Greeting', 'Hi {buyer_name}, this is Marketdesk support. I am looking into order {order_number} now.', 1, now(), now()),
      ('6c1f0a8e-0d5e-4c1a-9d3e-2b7f1e0c0002', 'Asked the seller', 'Thanks {buyer_name}. I have asked {seller_name} about order {order_number} and will update you here.', 1, now(), now()),
      ('6c1f0a8e-0d5e-4c1a-9d3e-2b7f1e0c0003', 'Photos please', 'Could you attach a photo of the record and the packaging for order {order_number}? That helps us decide quickly.', 1, now(), now());`);

  }

  override async down(): Promise<void> {
    this.addSql(`alter table "chat_messages" drop constraint "chat_messages_thread_id_foreign";`);

    this.addSql(`alter table "chat_participants" drop constraint "chat_participants_thread_id_foreign";`);

    this.addSql(`alter table "chat_message_reports" drop constraint "chat_message_reports_message_id_foreign";`);

    this.addSql(`drop table if exists "chat_canned_replies" cascade;`);

    this.addSql(`drop table if exists "chat_threads" cascade;`);

    this.addSql(`drop table if exists "chat_messages" cascade;`);

    this.addSql(`drop table if exists "chat_message_reports" cascade;`);

    this.addSql(`drop table if exists "chat_participants" cascade;`);

  }

}
