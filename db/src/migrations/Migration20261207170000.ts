import { Migration } from '@mikro-orm/migrations';

/**
 * Fraud work moves off `orders.refund` (which sellers hold for their own orders) onto the staff
 * permission `risk.review`: the built-in agent and admin roles gain it at scope `any`. Custom roles
 * keep what they had; an admin grants `risk.review` to them in the console where they work fraud.
 */
export class Migration20261207170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update "roles" set "grants" = "grants" || '{"risk.review": "any"}'::jsonb, "version" = "version" + 1, "updated_at" = now() where "name" in ('agent', 'admin') and not ("grants" ? 'risk.review');`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "roles" set "grants" = "grants" - 'risk.review', "version" = "version" + 1, "updated_at" = now() where "name" in ('agent', 'admin');`);
  }
}
