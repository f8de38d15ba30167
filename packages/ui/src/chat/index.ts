// @marketdesk/ui/chat: the conversation panel, thread lists and live unread counts both apps use.
export { ChatPanel, type ChatPanelProps } from './chat-panel';
export { ThreadList, type ThreadListProps, type ChatThreadListItem } from './thread-list';
export { useChatUnread, useMyThreads, useSupportInbox } from './use-chat-unread';
export { useChatThread, type ChatMessage, type ChatThreadState } from './use-chat-thread';
export { MessageText } from './message-text';
export * from './chat-format';
