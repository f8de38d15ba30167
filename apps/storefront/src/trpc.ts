// The shared typed tRPC client (packages/ui/src/app/trpc.ts).
export * from '@marketdesk/ui/app';
