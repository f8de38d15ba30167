import { Migration } from '@mikro-orm/migrations';

export class Migration20261124203249 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "file_uploads" ("id" uuid not null, "owner_id" uuid not null, "purpose" varchar(30) not null, "storage_key" varchar(200) not null, "content_type" varchar(60) not null, "bytes" int not null, "scan" varchar(12) not null, "attached_to" uuid null, "created_at" timestamptz not null, constraint "file_uploads_pkey" primary key ("id"));`);
    this.addSql(`create index "file_uploads_owner_id_index" on "file_uploads" ("owner_id");`);

    this.addSql(`alter table "file_uploads" add constraint "file_uploads_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade on delete cascade;`);





  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "file_uploads" cascade;`);




  }

}
