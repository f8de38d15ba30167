// Moved to @marketdesk/ui/account so the storefront account page shows the same list.
export { SessionsCard, describeDevice } from '@marketdesk/ui/account';
