// The submission and claim timings, from configuration.
import type { Config } from '../../env.js';
import type { SubmissionSettings } from './submission-aggregate.js';

export function submissionSettingsFrom(config: Pick<Config, 'CLAIM_IDLE_MINUTES' | 'QUOTE_VALID_MINUTES'>): SubmissionSettings {
  return { claimIdleMs: Math.round(config.CLAIM_IDLE_MINUTES * 60_000), quoteValidMs: Math.round(config.QUOTE_VALID_MINUTES * 60_000) };
}
