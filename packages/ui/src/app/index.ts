export * from './trpc';
export { mountApp, type MountOptions } from './mount-app';
export { AppRoot, type AppRootProps, type TrpcReactClient } from './app-root';
export * from './ssr';
export * from './live';
export * from './order-timeline';
export { useOrderTimeline, toStreamEntry } from './use-order-timeline';
export * from './private-upload';
export { OrderDisputes } from './dispute-panel';
