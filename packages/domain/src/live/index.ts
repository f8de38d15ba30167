export * from './socket-protocol.js';
export * from './live-follower.js';
