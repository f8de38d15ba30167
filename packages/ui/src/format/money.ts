// Money formatting lives with the money rules in packages/domain (the API formats amounts in its
// messages too); re-exported here for the apps.
export { currencyExponent, formatMoney, minorToDecimalString, type MoneyLike } from '@marketdesk/domain';
