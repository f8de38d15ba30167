import { Migration } from '@mikro-orm/migrations';

export class Migration20261125002400 extends Migration {

  override async up(): Promise<void> {

    this.addSql(`alter table "checkouts" add column "card_fingerprint" varchar(100) null, add column "card_live" boolean not null default false, add column "card_country" varchar(2) null;`);
    this.addSql(`create index "checkouts_card_fingerprint_index" on "checkouts" ("card_fingerprint");`);

  }

  override async down(): Promise<void> {

    this.addSql(`drop index "checkouts_card_fingerprint_index";`);
    this.addSql(`alter table "checkouts" drop column "card_fingerprint", drop column "card_live", drop column "card_country";`);

  }

}
