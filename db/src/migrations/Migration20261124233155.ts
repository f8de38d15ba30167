import { Migration } from '@mikro-orm/migrations';

export class Migration20261124233155 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "auth_tokens" ("id" uuid not null, "user_id" uuid not null, "purpose" varchar(32) not null, "token_hash" varchar(64) not null, "email" varchar(254) not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null, constraint "auth_tokens_pkey" primary key ("id"));`);
    this.addSql(`create index "auth_tokens_user_id_index" on "auth_tokens" ("user_id");`);
    this.addSql(`alter table "auth_tokens" add constraint "auth_tokens_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "auth_tokens" add constraint "auth_tokens_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "users" add column "email_verified_at" timestamptz null, add column "totp_key_sealed" text null, add column "totp_enabled_at" timestamptz null, add column "recovery_code_hashes" text[] not null default '{}', add column "google_subject" varchar(255) null;`);
    this.addSql(`alter table "users" add constraint "users_google_subject_unique" unique ("google_subject");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "auth_tokens" cascade;`);

    this.addSql(`alter table "users" drop constraint "users_google_subject_unique";`);
    this.addSql(`alter table "users" drop column "email_verified_at", drop column "totp_key_sealed", drop column "totp_enabled_at", drop column "recovery_code_hashes", drop column "google_subject";`);
  }

}
