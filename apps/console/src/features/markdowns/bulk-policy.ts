// The bulk pricing form's values and their mapping to `markdowns.preview` / `markdowns.applyPolicy`.
import { decimalToMinor } from '../listings/money-input';

export interface BulkFormValues {
  policyVersionId: string | null;
  q: string;
  categoryId: string | null;
  minDaysInStock: number | string;
  minPrice: number | string;
  maxPrice: number | string;
  includePaused: boolean;
}

export const emptyBulkForm: BulkFormValues = { policyVersionId: null, q: '', categoryId: null, minDaysInStock: '', minPrice: '', maxPrice: '', includePaused: false };

export interface BulkFilter {
  states: ('active' | 'paused')[];
  q?: string;
  categoryId?: string;
  minDaysInStock?: number;
  minPriceMinor?: number;
  maxPriceMinor?: number;
}

const num = (v: number | string): number | null => (v === '' || v === null || Number.isNaN(Number(v)) ? null : Number(v));

export function toBulkFilter(v: BulkFormValues): BulkFilter {
  const f: BulkFilter = { states: v.includePaused ? ['active', 'paused'] : ['active'] };
  if (v.q.trim()) f.q = v.q.trim();
  if (v.categoryId) f.categoryId = v.categoryId;
  const days = num(v.minDaysInStock);
  if (days !== null) f.minDaysInStock = Math.max(0, Math.floor(days));
  const min = decimalToMinor(v.minPrice);
  if (min !== null && Number.isFinite(min)) f.minPriceMinor = min;
  const max = decimalToMinor(v.maxPrice);
  if (max !== null && Number.isFinite(max)) f.maxPriceMinor = max;
  return f;
}
