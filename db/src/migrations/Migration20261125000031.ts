import { Migration } from '@mikro-orm/migrations';

export class Migration20261125000031 extends Migration {

  override async up(): Promise<void> {

    this.addSql(`alter table "users" add column "avatar_key" varchar(200) null;`);

  }

  override async down(): Promise<void> {

    this.addSql(`alter table "users" drop column "avatar_key";`);
  }

}
