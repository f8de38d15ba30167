import { Migration } from '@mikro-orm/migrations';

export class Migration20261124202916 extends Migration {

  override async up(): Promise<void> {



    this.addSql(`alter table "reviews" drop constraint reviews_rating_range;`);

    this.addSql(`alter table "reviews" add constraint reviews_rating_range check(rating between 1 and 5);`);
  }

  override async down(): Promise<void> {


    this.addSql(`alter table "reviews" drop constraint reviews_rating_range;`);

    this.addSql(`alter table "reviews" add constraint reviews_rating_range check((rating >= 1) AND (rating <= 5));`);
  }

}
