// check-cycles.mjs's test fixture: a cycle hidden from dpdm with its ignore comment — the check must
// fail on the comment rather than pass.
// @dpdm-ignore
import { sellerName } from './seller.js';

export const describeListing = (sellerId: string) => `by ${sellerName(sellerId)}`;
