// Bounds shared by the cart schemas, the merge and the totals, so a quantity the form accepts is
// one the checkout accepts.
export const MIN_CART_QUANTITY = 1;
export const MAX_CART_QUANTITY = 99;
/** A listing promising more than a year is a data error, not a delivery estimate. */
export const MAX_DELIVERY_SLA_DAYS = 365;
