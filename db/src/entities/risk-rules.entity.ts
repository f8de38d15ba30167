// The fraud rules in force: every edit is a new version (who, when), the newest one applies.
import { EntitySchema } from '@mikro-orm/core';

export class RiskRuleVersion {
  id!: number;
  rules!: Record<string, number>;
  createdBy: string | null = null;
  createdAt: Date = new Date();
}

export const RiskRuleVersionSchema = new EntitySchema<RiskRuleVersion>({
  class: RiskRuleVersion,
  tableName: 'risk_rule_versions',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    rules: { type: 'json' },
    createdBy: { type: 'uuid', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
