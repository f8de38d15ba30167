// Money inputs both clients and the API validate: integer minor units and a known ISO currency.
import { z } from 'zod';
import { currencyCodes } from '../money/currency.js';

export const currencyCodeSchema = z.enum(currencyCodes as [string, ...string[]], { message: 'Choose a supported currency' });
export const amountMinorSchema = z
  .number({ message: 'Enter an amount' })
  .int('Amounts are whole minor units (cents)')
  .min(0, 'Amounts cannot be negative')
  .max(Number.MAX_SAFE_INTEGER, 'That amount is too large');
export const moneySchema = z.object({ amountMinor: amountMinorSchema, currency: currencyCodeSchema });

export type MoneyInput = z.infer<typeof moneySchema>;
