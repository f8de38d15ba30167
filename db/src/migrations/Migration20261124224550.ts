import { Migration } from '@mikro-orm/migrations';

// Discovery: co-purchases, purchase history, popularity and views, wishlists, pricing policies and
// price history, the Discogs cache, and an index for "similar items" by artist.
export class Migration20261124224550 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "discogs_cache" ("key" varchar(300) not null, "body" jsonb not null, "fetched_at" timestamptz not null, "expires_at" timestamptz not null, constraint "discogs_cache_pkey" primary key ("key"));`);
    this.addSql(`create index "discogs_cache_expires_at_index" on "discogs_cache" ("expires_at");`);

    this.addSql(`create table "pricing_policy_versions" ("id" uuid not null, "key" varchar(60) not null, "version" int not null, "name" varchar(120) not null, "policy" jsonb not null, "created_by_id" uuid null, "created_at" timestamptz not null, constraint "pricing_policy_versions_pkey" primary key ("id"));`);
    this.addSql(`alter table "pricing_policy_versions" add constraint "pricing_policy_versions_key_version_unique" unique ("key", "version");`);

    this.addSql(`create table "listing_views" ("user_id" uuid not null, "listing_id" uuid not null, "views" int not null default 0, "last_viewed_at" timestamptz not null, constraint "listing_views_pkey" primary key ("user_id", "listing_id"));`);
    this.addSql(`create index "listing_views_user_id_last_viewed_at_index" on "listing_views" ("user_id", "last_viewed_at");`);

    this.addSql(`create table "listing_pricing" ("listing_id" uuid not null, "policy_version_id" uuid not null, "list_price_minor" int not null, "cost_minor" int not null default 0, "stocked_at" timestamptz not null, "assigned_at" timestamptz not null, "assigned_by_id" uuid null, constraint "listing_pricing_pkey" primary key ("listing_id"));`);
    this.addSql(`create index "listing_pricing_policy_version_id_index" on "listing_pricing" ("policy_version_id");`);

    this.addSql(`create table "listing_price_changes" ("id" uuid not null, "listing_id" uuid not null, "from_minor" int not null, "to_minor" int not null, "currency" varchar(3) not null default 'EUR', "reason" varchar(10) not null, "policy_version_id" uuid null, "policy_version" int null, "period_key" varchar(120) null, "actor_id" uuid null, "created_at" timestamptz not null, constraint "listing_price_changes_pkey" primary key ("id"));`);
    this.addSql(`create index "listing_price_changes_listing_id_created_at_index" on "listing_price_changes" ("listing_id", "created_at");`);
    this.addSql(`alter table "listing_price_changes" add constraint "listing_price_changes_listing_id_period_key_unique" unique ("listing_id", "period_key");`);

    this.addSql(`create table "listing_popularity" ("listing_id" uuid not null, "trend_log" double precision null, "views" int not null default 0, "purchases" int not null default 0, "updated_at" timestamptz not null, constraint "listing_popularity_pkey" primary key ("listing_id"));`);
    this.addSql(`create index "listing_popularity_trend_index" on "listing_popularity" ("trend_log" desc nulls last);`);
    this.addSql(`create index "listing_popularity_popular_index" on "listing_popularity" ("purchases" desc, "views" desc);`);

    this.addSql(`create table "listing_co_purchases" ("listing_id" uuid not null, "other_id" uuid not null, "buyers" int not null default 0, "updated_at" timestamptz not null, constraint "listing_co_purchases_pkey" primary key ("listing_id", "other_id"));`);
    this.addSql(`create index "listing_co_purchases_rank_index" on "listing_co_purchases" ("listing_id", "buyers" desc, "other_id");`);

    this.addSql(`create table "discovery_processed_orders" ("order_id" uuid not null, "processed_at" timestamptz not null, constraint "discovery_processed_orders_pkey" primary key ("order_id"));`);

    this.addSql(`create table "buyer_purchases" ("buyer_id" uuid not null, "listing_id" uuid not null, "first_bought_at" timestamptz not null, constraint "buyer_purchases_pkey" primary key ("buyer_id", "listing_id"));`);
    this.addSql(`create index "buyer_purchases_buyer_id_first_bought_at_index" on "buyer_purchases" ("buyer_id", "first_bought_at");`);

    this.addSql(`create table "wishlist_items" ("user_id" uuid not null, "listing_id" uuid not null, "saved_price_minor" int not null, "saved_sold_out" boolean not null default false, "created_at" timestamptz not null, constraint "wishlist_items_pkey" primary key ("user_id", "listing_id"));`);
    this.addSql(`create index "wishlist_items_listing_id_index" on "wishlist_items" ("listing_id");`);
    this.addSql(`create index "wishlist_items_user_id_created_at_index" on "wishlist_items" ("user_id", "created_at");`);

    this.addSql(`alter table "listing_views" add constraint "listing_views_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "listing_views" add constraint "listing_views_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "listing_pricing" add constraint "listing_pricing_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "listing_pricing" add constraint "listing_pricing_policy_version_id_foreign" foreign key ("policy_version_id") references "pricing_policy_versions" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "listing_price_changes" add constraint "listing_price_changes_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "listing_popularity" add constraint "listing_popularity_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "listing_co_purchases" add constraint "listing_co_purchases_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "listing_co_purchases" add constraint "listing_co_purchases_other_id_foreign" foreign key ("other_id") references "listings" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "discovery_processed_orders" add constraint "discovery_processed_orders_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "buyer_purchases" add constraint "buyer_purchases_buyer_id_foreign" foreign key ("buyer_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "buyer_purchases" add constraint "buyer_purchases_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "wishlist_items" add constraint "wishlist_items_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "wishlist_items" add constraint "wishlist_items_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade on delete cascade;`);

    this.addSql(`create index "listings_artist_index" on "listings" (lower("attributes"->>'artist'));`);

  }

  override async down(): Promise<void> {
    this.addSql(`alter table "listing_pricing" drop constraint "listing_pricing_policy_version_id_foreign";`);

    this.addSql(`drop table if exists "discogs_cache" cascade;`);

    this.addSql(`drop table if exists "pricing_policy_versions" cascade;`);

    this.addSql(`drop table if exists "listing_views" cascade;`);

    this.addSql(`drop table if exists "listing_pricing" cascade;`);

    this.addSql(`drop table if exists "listing_price_changes" cascade;`);

    this.addSql(`drop table if exists "listing_popularity" cascade;`);

    this.addSql(`drop table if exists "listing_co_purchases" cascade;`);

    this.addSql(`drop table if exists "discovery_processed_orders" cascade;`);

    this.addSql(`drop table if exists "buyer_purchases" cascade;`);

    this.addSql(`drop table if exists "wishlist_items" cascade;`);

    this.addSql(`drop index "listings_artist_index";`);

  }

}
