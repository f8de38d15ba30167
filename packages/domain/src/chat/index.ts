export * from './mask-contacts.js';
export * from './links.js';
export * from './rules.js';
export * from './schemas.js';
export { chatMessageSchema, chatAttachmentSchema, type ChatMessagePayload } from '../events/chat-events.js';
