import { Migration } from '@mikro-orm/migrations';

export class Migration20261124204420 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "reconciliation_runs" ("id" uuid not null, "ran_at" timestamptz not null, "triggered_by" uuid null, "mismatch_count" int not null default 0, "result" jsonb null, constraint "reconciliation_runs_pkey" primary key ("id"));`);
    this.addSql(`create index "reconciliation_runs_ran_at_index" on "reconciliation_runs" ("ran_at");`);





  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "reconciliation_runs" cascade;`);




  }

}
