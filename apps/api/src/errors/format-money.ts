// Amounts in error messages, formatted like the apps show them ("€12.50").
import { formatMoney } from '@marketdesk/domain';

export const formatMinor = (amountMinor: number, currency: string): string => formatMoney({ amountMinor, currency }, 'en-IE');
