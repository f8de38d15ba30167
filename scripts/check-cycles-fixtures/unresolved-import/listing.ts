// check-cycles.mjs's test fixture: an import of ours that resolves to no file — a cycle through it
// could not be seen, so the check must fail.
import { sellerName } from './no-such-file.js';

export const describeListing = (sellerId: string) => `by ${sellerName(sellerId)}`;
