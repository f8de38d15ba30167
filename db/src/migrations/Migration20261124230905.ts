import { Migration } from '@mikro-orm/migrations';

// The request (id and W3C traceparent) that wrote an outbox row, so the relay can hand it on to the
// jobs and live events it publishes: logs, traces and clients can then follow one change end to end.
export class Migration20261124230905 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "outbox_events" add column "trace" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "outbox_events" drop column "trace";`);
  }

}
