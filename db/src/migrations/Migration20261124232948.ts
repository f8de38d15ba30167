import { Migration } from '@mikro-orm/migrations';

// Trust and safety: the append-only audit log (a trigger refuses UPDATE, DELETE and TRUNCATE) and
// roles as data, seeded with the built-in roles' grants as declared in packages/domain today.
export class Migration20261124232948 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_log" ("id" bigserial primary key, "at" timestamptz not null, "actor_id" uuid null, "actor_roles" text[] not null, "action" varchar(120) not null, "object_type" varchar(40) null, "object_id" varchar(120) null, "outcome" varchar(40) not null default 'ok', "before" jsonb null, "after" jsonb null, "request_id" varchar(120) null, "ip" varchar(64) null, "user_agent" varchar(400) null);`);
    this.addSql(`create index "audit_log_at_id_index" on "audit_log" ("at", "id");`);
    this.addSql(`create index "audit_log_actor_id_at_index" on "audit_log" ("actor_id", "at");`);
    this.addSql(`create index "audit_log_object_type_object_id_at_index" on "audit_log" ("object_type", "object_id", "at");`);
    this.addSql(`create index "audit_log_action_at_index" on "audit_log" ("action", "at");`);

    this.addSql(`create table "roles" ("name" varchar(40) not null, "description" varchar(300) not null default '', "built_in" boolean not null default false, "staff" boolean not null default false, "grants" jsonb not null, "version" int not null default 1, "updated_at" timestamptz not null, "updated_by" uuid null, constraint "roles_pkey" primary key ("name"));`);

    // Append-only: history is corrected by new rows, never rewritten. Only a superuser dropping the
    // trigger could change it, which is outside the API's reach.
    this.addSql(`create or replace function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end $$;`);
    this.addSql(`create trigger audit_log_no_update_delete before update or delete on "audit_log" for each row execute function audit_log_refuse_change();`);
    this.addSql(`create trigger audit_log_no_truncate before truncate on "audit_log" for each statement execute function audit_log_refuse_change();`);

    this.addSql(`insert into "roles" ("name", "description", "built_in", "staff", "grants", "version", "updated_at") values ('buyer', 'Buys records; sees own orders and data.', true, false, '{"orders.view": "own", "orders.cancel": "own", "orders.view_shipping_address": "own", "disputes.open": "own", "disputes.view": "own", "users.view_pii": "own", "chat.send": "own"}'::jsonb, 1, now()) on conflict ("name") do nothing;`);
    this.addSql(`insert into "roles" ("name", "description", "built_in", "staff", "grants", "version", "updated_at") values ('seller', 'Sells records; manages own listings, orders and payouts.', true, false, '{"orders.view": "own", "orders.cancel": "own", "orders.ship": "own", "orders.refund": "own", "orders.view_shipping_address": "own", "submissions.create": "own", "submissions.view": "own", "listings.manage": "own", "kyc.submit": "own", "disputes.view": "own", "payouts.request": "own", "payouts.view": "own", "users.view_pii": "own", "ledger.view": "own", "console.access": "any", "chat.send": "own"}'::jsonb, 1, now()) on conflict ("name") do nothing;`);
    this.addSql(`insert into "roles" ("name", "description", "built_in", "staff", "grants", "version", "updated_at") values ('agent', 'Works the queues; decides what is assigned to them.', true, true, '{"orders.view": "any", "orders.cancel": "any", "orders.refund": "any", "orders.view_shipping_address": "assigned", "submissions.view": "any", "submissions.claim": "any", "submissions.decide": "assigned", "listings.review": "any", "kyc.review": "assigned", "disputes.view": "any", "disputes.handle": "any", "disputes.refund": "assigned", "payouts.view": "any", "users.view_pii": "assigned", "ledger.view": "any", "console.access": "any", "activity.view": "any", "reviews.moderate": "any", "chat.send": "any", "chat.support": "any", "chat.moderate": "any"}'::jsonb, 1, now()) on conflict ("name") do nothing;`);
    this.addSql(`insert into "roles" ("name", "description", "built_in", "staff", "grants", "version", "updated_at") values ('admin', 'Everything, including roles and the audit log.', true, true, '{"orders.view": "any", "orders.cancel": "any", "orders.ship": "any", "orders.refund": "any", "orders.view_shipping_address": "any", "submissions.create": "any", "submissions.view": "any", "submissions.claim": "any", "submissions.decide": "any", "listings.manage": "any", "listings.review": "any", "kyc.submit": "any", "kyc.review": "any", "disputes.open": "any", "disputes.view": "any", "disputes.handle": "any", "disputes.refund": "any", "payouts.request": "any", "payouts.view": "any", "payouts.approve": "any", "users.view_pii": "any", "users.manage_roles": "any", "ledger.view": "any", "ledger.reconcile": "any", "reviews.moderate": "any", "console.access": "any", "activity.view": "any", "mail.view": "any", "chat.send": "any", "chat.support": "any", "chat.moderate": "any", "chat.canned_manage": "any", "audit.view": "any", "roles.manage": "any"}'::jsonb, 1, now()) on conflict ("name") do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_log" cascade;`);
    this.addSql(`drop function if exists audit_log_refuse_change();`);

    this.addSql(`drop table if exists "roles" cascade;`);

  }

}
