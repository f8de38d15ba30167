import { Migration } from '@mikro-orm/migrations';

export class Migration20261124202607 extends Migration {

  override async up(): Promise<void> {


    this.addSql(`create index "listings_published_at_id_index" on "listings" ("published_at", "id");`);
  }

  override async down(): Promise<void> {

    this.addSql(`drop index "listings_published_at_id_index";`);

  }

}
