// Dispute desk settings from the environment.
import type { DisputeSettings } from './dispute-aggregate.js';

export function disputeSettingsFrom(config: { AUTO_COMPLETE_DAYS: number; DISPUTE_AGENT_REFUND_LIMIT_MINOR: number }): DisputeSettings {
  return { agentRefundLimitMinor: config.DISPUTE_AGENT_REFUND_LIMIT_MINOR, autoCompleteAfterMs: config.AUTO_COMPLETE_DAYS * 86_400_000 };
}
