import { Migration } from '@mikro-orm/migrations';

export class Migration20261124224122 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "kyc_checks" ("id" uuid not null, "seller_id" uuid not null, "state" varchar(20) not null default 'submitted', "version" int not null default 1, "business_type" varchar(12) not null, "legal_name" varchar(200) not null, "country" varchar(2) not null, "registration_number" varchar(60) null, "tax_id" varchar(60) null, "address_line1" varchar(200) not null, "city" varchar(100) not null, "postal_code" varchar(20) not null, "date_of_birth" varchar(10) null, "info_request" text null, "info_response" text null, "reject_reason" varchar(40) null, "reject_note" varchar(1000) null, "decided_by" uuid null, "decided_at" timestamptz null, "info_due_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "kyc_checks_pkey" primary key ("id"));`);
    this.addSql(`create index "kyc_checks_seller_id_created_at_index" on "kyc_checks" ("seller_id", "created_at");`);
    this.addSql(`create index "kyc_checks_state_index" on "kyc_checks" ("state");`);

    this.addSql(`create table "kyc_documents" ("id" uuid not null, "check_id" uuid not null, "kind" varchar(30) not null, "upload_id" uuid not null, "storage_key" varchar(200) not null, "content_type" varchar(60) not null, "created_at" timestamptz not null, constraint "kyc_documents_pkey" primary key ("id"));`);
    this.addSql(`alter table "kyc_documents" add constraint "kyc_documents_upload_id_unique" unique ("upload_id");`);
    this.addSql(`create index "kyc_documents_check_id_index" on "kyc_documents" ("check_id");`);

    this.addSql(`alter table "kyc_checks" add constraint "kyc_checks_seller_id_foreign" foreign key ("seller_id") references "users" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "kyc_documents" add constraint "kyc_documents_check_id_foreign" foreign key ("check_id") references "kyc_checks" ("id") on update cascade on delete cascade;`);
    // One check at a time per seller: a new one may start only after the last was decided.
    this.addSql(`create unique index "kyc_checks_one_open_per_seller" on "kyc_checks" ("seller_id") where "state" in ('submitted', 'in_review', 'needs_info');`);
    this.addSql(`alter table "kyc_checks" add constraint "kyc_checks_business_type_check" check ("business_type" in ('individual', 'company'));`);

  }

  override async down(): Promise<void> {
    this.addSql(`alter table "kyc_documents" drop constraint "kyc_documents_check_id_foreign";`);

    this.addSql(`drop table if exists "kyc_checks" cascade;`);

    this.addSql(`drop table if exists "kyc_documents" cascade;`);

  }

}
