import { Migration } from '@mikro-orm/migrations';

export class Migration20261124173400 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "categories" ("id" uuid not null, "slug" varchar(120) not null, "name" varchar(120) not null, "parent_id" uuid null, "position" int not null default 0, constraint "categories_pkey" primary key ("id"));`);
    this.addSql(`alter table "categories" add constraint "categories_slug_unique" unique ("slug");`);

    this.addSql(`create table "outbox_events" ("id" bigserial primary key, "stream" varchar(120) not null, "seq" int not null, "name" varchar(80) not null, "payload" jsonb not null, "rooms" text[] not null, "jobs" jsonb not null, "actor_id" uuid null, "occurred_at" timestamptz not null, "published_at" timestamptz null);`);
    // The relay scans only unpublished rows; a partial index keeps that cheap however long the log grows.
    this.addSql(`create index "outbox_events_unpublished_index" on "outbox_events" ("id") where "published_at" is null;`);
    // Wake the relay on commit: NOTIFY is delivered only when the inserting transaction commits.
    this.addSql(`create function "outbox_notify"() returns trigger language plpgsql as $$ begin perform pg_notify('outbox', NEW.id::text); return NEW; end $$;`);
    this.addSql(`create trigger "outbox_events_notify" after insert on "outbox_events" for each row execute function "outbox_notify"();`);
    this.addSql(`alter table "outbox_events" add constraint "outbox_events_stream_seq_unique" unique ("stream", "seq");`);

    this.addSql(`create table "sent_mails" ("id" uuid not null, "dedupe_key" varchar(200) not null, "to_address" varchar(254) not null, "subject" varchar(200) not null, "template" varchar(80) not null, "text_body" text not null, "transport" varchar(10) not null, "location" text null, "user_id" uuid null, "sent_at" timestamptz not null, constraint "sent_mails_pkey" primary key ("id"));`);
    this.addSql(`alter table "sent_mails" add constraint "sent_mails_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(`create index "sent_mails_user_id_index" on "sent_mails" ("user_id");`);
    this.addSql(`create index "sent_mails_sent_at_index" on "sent_mails" ("sent_at");`);

    this.addSql(`create table "stream_sequences" ("stream" varchar(120) not null, "last_seq" int not null, constraint "stream_sequences_pkey" primary key ("stream"));`);

    this.addSql(`create table "users" ("id" uuid not null, "email" varchar(254) not null, "password_hash" text not null, "display_name" varchar(80) not null, "roles" text[] not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "users_pkey" primary key ("id"));`);
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);

    this.addSql(`create table "sessions" ("id" varchar(64) not null, "user_id" uuid not null, "expires_at" timestamptz not null, "created_at" timestamptz not null, "last_seen_at" timestamptz not null, "user_agent" varchar(400) null, "ip" varchar(64) null, constraint "sessions_pkey" primary key ("id"));`);
    this.addSql(`create index "sessions_user_id_index" on "sessions" ("user_id");`);

    this.addSql(`alter table "categories" add constraint "categories_parent_id_foreign" foreign key ("parent_id") references "categories" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "categories" drop constraint "categories_parent_id_foreign";`);

    this.addSql(`alter table "sessions" drop constraint "sessions_user_id_foreign";`);

    this.addSql(`drop table if exists "categories" cascade;`);

    this.addSql(`drop table if exists "outbox_events" cascade;`);
    this.addSql(`drop function if exists "outbox_notify"();`);

    this.addSql(`drop table if exists "sent_mails" cascade;`);

    this.addSql(`drop table if exists "stream_sequences" cascade;`);

    this.addSql(`drop table if exists "users" cascade;`);

    this.addSql(`drop table if exists "sessions" cascade;`);
  }

}
