// @marketdesk/ui: what the console and the storefront share (theme, providers, layout pieces,
// formatting, live status). Apps import '@mantine/core/styles.css' and '@mantine/notifications/styles.css' once.
export { theme } from './theme';
export { AppProviders, type AppProvidersProps, type ToastPlacement } from './AppProviders/AppProviders';
export { LiveStatusBadge, type LiveStatus, type LiveStatusBadgeProps } from './LiveStatusBadge/LiveStatusBadge';
export { PresenceAvatars, initials, type PresenceUser, type PresenceAvatarsProps } from './PresenceAvatars/PresenceAvatars';
export { PageHeader, type PageHeaderProps } from './PageHeader/PageHeader';
export { EmptyState, type EmptyStateProps } from './EmptyState/EmptyState';
export { ErrorState, errorMessage, type ErrorStateProps } from './ErrorState/ErrorState';
export { LoadingState, type LoadingStateProps } from './LoadingState/LoadingState';
export { ColorSchemeToggle } from './ColorSchemeToggle/ColorSchemeToggle';
export { formatMoney, currencyExponent, minorToDecimalString, type MoneyLike } from './format/money';
export {
  formatDate,
  formatDateTime,
  formatTime,
  formatDayRange,
  formatInstant,
  formatRelativeTime,
  formatOnServer,
  toIsoString,
  type DateInput,
  type DateShape,
  type DateFormatOptions,
} from './format/date';
export { Timestamp, useHydrated, useNow, type TimestampProps } from './Timestamp/Timestamp';
export { ErrorPage, type ErrorPageProps } from './ErrorPage/ErrorPage';
export { CredentialsFields, type CredentialsFieldsProps } from './CredentialsFields/CredentialsFields';
export { NotFound } from './NotFound/NotFound';
