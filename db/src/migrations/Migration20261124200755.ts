import { Migration } from '@mikro-orm/migrations';

export class Migration20261124200755 extends Migration {

  override async up(): Promise<void> {
    // Typo-tolerant search (similarity, %) and the trigram indexes below.
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create table "idempotency_records" ("user_id" uuid not null, "scope" varchar(60) not null, "key" varchar(200) not null, "request_hash" varchar(64) not null, "response" jsonb null, "created_at" timestamptz not null, constraint "idempotency_records_pkey" primary key ("user_id", "scope", "key"));`);
    this.addSql(`create index "idempotency_records_created_at_index" on "idempotency_records" ("created_at");`);

    this.addSql(`create table "search_words" ("word" varchar(80) not null, constraint "search_words_pkey" primary key ("word"));`);
    this.addSql(`create index "search_words_trgm_index" on "search_words" using gin ("word" gin_trgm_ops);`);

    this.addSql(`create table "listings" ("id" uuid not null, "seller_id" uuid not null, "category_id" uuid not null, "slug" varchar(160) not null, "title" varchar(200) not null, "description" text not null default '', "attributes" jsonb not null default '{}', "condition" varchar(8) null, "price_minor" int not null, "currency" varchar(3) not null default 'EUR', "quantity" int not null default 1, "shipping_minor" int not null default 0, "delivery_sla_days" int not null default 3, "state" varchar(20) not null default 'draft', "version" int not null default 1, "deal_ends_at" timestamptz null, "published_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "search_vector" tsvector generated always as (setweight(to_tsvector('simple', coalesce("title", '')), 'A') || setweight(to_tsvector('simple', coalesce("attributes"->>'artist', '') || ' ' || coalesce("attributes"->>'format', '') || ' ' || coalesce("attributes"->>'label', '')), 'B') || setweight(to_tsvector('simple', coalesce("description", '')), 'C')) stored, constraint "listings_pkey" primary key ("id"), constraint listings_quantity_non_negative check (quantity >= 0));`);
    this.addSql(`create index "listings_seller_id_index" on "listings" ("seller_id");`);
    this.addSql(`create index "listings_category_id_index" on "listings" ("category_id");`);
    this.addSql(`alter table "listings" add constraint "listings_slug_unique" unique ("slug");`);
    this.addSql(`create index "listings_state_created_at_index" on "listings" ("state", "created_at");`);
    this.addSql(`create index "listings_state_price_minor_index" on "listings" ("state", "price_minor");`);
    this.addSql(`create index "listings_search_vector_index" on "listings" using gin ("search_vector");`);
    this.addSql(`create index "listings_title_trgm_index" on "listings" using gin ("title" gin_trgm_ops);`);

    this.addSql(`create table "listing_images" ("id" uuid not null, "owner_id" uuid not null, "listing_id" uuid null, "position" int not null default 0, "storage_key" varchar(200) not null, "thumb_key" varchar(200) null, "content_type" varchar(40) not null, "bytes" int not null, "width" int null, "height" int null, "status" varchar(12) not null default 'processing', "created_at" timestamptz not null, constraint "listing_images_pkey" primary key ("id"));`);
    this.addSql(`create index "listing_images_owner_id_index" on "listing_images" ("owner_id");`);
    this.addSql(`create index "listing_images_listing_id_position_index" on "listing_images" ("listing_id", "position");`);

    this.addSql(`create table "checkouts" ("id" uuid not null, "buyer_id" uuid not null, "state" varchar(20) not null default 'awaiting_payment', "currency" varchar(3) not null default 'EUR', "items_minor" int not null, "shipping_minor" int not null, "tax_minor" int not null, "total_minor" int not null, "fee_minor" int not null, "address" jsonb not null, "provider_payment_id" varchar(100) null, "failure_message" varchar(300) null, "expires_at" timestamptz not null, "paid_at" timestamptz null, "created_at" timestamptz not null, constraint "checkouts_pkey" primary key ("id"));`);
    this.addSql(`create index "checkouts_buyer_id_index" on "checkouts" ("buyer_id");`);
    this.addSql(`alter table "checkouts" add constraint "checkouts_provider_payment_id_unique" unique ("provider_payment_id");`);
    this.addSql(`create index "checkouts_state_expires_at_index" on "checkouts" ("state", "expires_at");`);

    this.addSql(`create table "stock_reservations" ("id" uuid not null, "checkout_id" uuid not null, "listing_id" uuid not null, "quantity" int not null, "state" varchar(10) not null default 'held', "expires_at" timestamptz not null, "created_at" timestamptz not null, constraint "stock_reservations_pkey" primary key ("id"));`);
    this.addSql(`create index "stock_reservations_checkout_id_index" on "stock_reservations" ("checkout_id");`);
    this.addSql(`create index "stock_reservations_listing_id_index" on "stock_reservations" ("listing_id");`);
    this.addSql(`create index "stock_reservations_state_expires_at_index" on "stock_reservations" ("state", "expires_at");`);

    this.addSql(`create table "orders" ("id" uuid not null, "number" varchar(20) not null, "checkout_id" uuid not null, "buyer_id" uuid not null, "seller_id" uuid not null, "state" varchar(24) not null default 'awaiting_payment', "version" int not null default 1, "currency" varchar(3) not null default 'EUR', "items_minor" int not null, "shipping_minor" int not null, "tax_minor" int not null, "total_minor" int not null, "fee_minor" int not null, "refunded_minor" int not null default 0, "delivery_sla_days" int not null, "address" jsonb not null, "hold" jsonb null, "paid_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "orders_pkey" primary key ("id"));`);
    this.addSql(`alter table "orders" add constraint "orders_number_unique" unique ("number");`);
    this.addSql(`create index "orders_checkout_id_index" on "orders" ("checkout_id");`);
    this.addSql(`create index "orders_seller_id_state_created_at_index" on "orders" ("seller_id", "state", "created_at");`);
    this.addSql(`create index "orders_buyer_id_created_at_index" on "orders" ("buyer_id", "created_at");`);

    this.addSql(`create table "order_items" ("id" uuid not null, "order_id" uuid not null, "listing_id" uuid not null, "title" varchar(200) not null, "unit_price_minor" int not null, "quantity" int not null, "line_total_minor" int not null, constraint "order_items_pkey" primary key ("id"));`);
    this.addSql(`create index "order_items_order_id_index" on "order_items" ("order_id");`);
    this.addSql(`create index "order_items_listing_id_index" on "order_items" ("listing_id");`);

    this.addSql(`create table "cart_lines" ("user_id" uuid not null, "listing_id" uuid not null, "quantity" int not null default 1, "added_at" timestamptz not null, constraint "cart_lines_pkey" primary key ("user_id", "listing_id"));`);

    this.addSql(`create table "addresses" ("id" uuid not null, "user_id" uuid not null, "name" varchar(120) not null, "line1" varchar(200) not null, "line2" varchar(200) null, "city" varchar(120) not null, "postal_code" varchar(20) not null, "country" varchar(2) not null, "phone" varchar(40) null, "is_default" boolean not null default false, "created_at" timestamptz not null, constraint "addresses_pkey" primary key ("id"));`);
    this.addSql(`create index "addresses_user_id_index" on "addresses" ("user_id");`);

    this.addSql(`alter table "listings" add constraint "listings_seller_id_foreign" foreign key ("seller_id") references "users" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "listings" add constraint "listings_category_id_foreign" foreign key ("category_id") references "categories" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "listing_images" add constraint "listing_images_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "listing_images" add constraint "listing_images_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "checkouts" add constraint "checkouts_buyer_id_foreign" foreign key ("buyer_id") references "users" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "stock_reservations" add constraint "stock_reservations_checkout_id_foreign" foreign key ("checkout_id") references "checkouts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "stock_reservations" add constraint "stock_reservations_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "orders" add constraint "orders_checkout_id_foreign" foreign key ("checkout_id") references "checkouts" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "orders" add constraint "orders_buyer_id_foreign" foreign key ("buyer_id") references "users" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "orders" add constraint "orders_seller_id_foreign" foreign key ("seller_id") references "users" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "order_items" add constraint "order_items_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "order_items" add constraint "order_items_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "cart_lines" add constraint "cart_lines_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "cart_lines" add constraint "cart_lines_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "addresses" add constraint "addresses_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`create sequence if not exists "order_number_seq" start 1001;`);
    // "Did you mean": every word of a listing's title and artist joins the vocabulary in the same
    // transaction as the listing write.
    this.addSql(`create function listings_collect_search_words() returns trigger language plpgsql as $$
      begin
        insert into search_words (word)
          select distinct w from regexp_split_to_table(lower(new.title || ' ' || coalesce(new.attributes->>'artist', '')), '[^[:alnum:]]+') as w
          where length(w) between 3 and 80
          on conflict do nothing;
        return new;
      end $$;`);
    this.addSql(`create trigger listings_search_words after insert or update of title, attributes on listings for each row execute function listings_collect_search_words();`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "listing_images" drop constraint "listing_images_listing_id_foreign";`);

    this.addSql(`alter table "stock_reservations" drop constraint "stock_reservations_listing_id_foreign";`);

    this.addSql(`alter table "order_items" drop constraint "order_items_listing_id_foreign";`);

    this.addSql(`alter table "cart_lines" drop constraint "cart_lines_listing_id_foreign";`);

    this.addSql(`alter table "stock_reservations" drop constraint "stock_reservations_checkout_id_foreign";`);

    this.addSql(`alter table "orders" drop constraint "orders_checkout_id_foreign";`);

    this.addSql(`alter table "order_items" drop constraint "order_items_order_id_foreign";`);

    this.addSql(`drop table if exists "idempotency_records" cascade;`);

    this.addSql(`drop table if exists "search_words" cascade;`);

    this.addSql(`drop table if exists "listings" cascade;`);

    this.addSql(`drop table if exists "listing_images" cascade;`);

    this.addSql(`drop table if exists "checkouts" cascade;`);

    this.addSql(`drop table if exists "stock_reservations" cascade;`);

    this.addSql(`drop table if exists "orders" cascade;`);

    this.addSql(`drop table if exists "order_items" cascade;`);

    this.addSql(`drop table if exists "cart_lines" cascade;`);

    this.addSql(`drop table if exists "addresses" cascade;`);

    this.addSql(`drop sequence if exists "order_number_seq";`);
    this.addSql(`drop function if exists listings_collect_search_words() cascade;`);
  }

}
