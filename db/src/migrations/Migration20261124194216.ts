import { Migration } from '@mikro-orm/migrations';

export class Migration20261124194216 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "provider_webhook_events" ("id" varchar(255) not null, "provider" varchar(20) not null, "type" varchar(60) not null, "payload" jsonb not null, "occurred_at" timestamptz not null, "received_at" timestamptz not null, constraint "provider_webhook_events_pkey" primary key ("id"));`);
    this.addSql(`create index "provider_webhook_events_received_at_index" on "provider_webhook_events" ("received_at");`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "provider_webhook_events" cascade;`);

  }

}
