import { Migration } from '@mikro-orm/migrations';

export class Migration20261124213654 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "queue_exports" ("id" uuid not null, "owner_id" uuid not null, "queue" varchar(20) not null, "input" jsonb null, "state" varchar(10) not null default 'running', "rows" int not null default 0, "storage_key" varchar(200) null, "error" varchar(500) null, "created_at" timestamptz not null, "finished_at" timestamptz null, constraint "queue_exports_pkey" primary key ("id"));`);
    this.addSql(`create index "queue_exports_owner_id_index" on "queue_exports" ("owner_id");`);





  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "queue_exports" cascade;`);




  }

}
