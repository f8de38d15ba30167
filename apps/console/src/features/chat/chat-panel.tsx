// The console's conversation panel: the shared ChatPanel (packages/ui/src/chat) for one thread.
// Embed it anywhere in the console, e.g. the disputes split view:
//   const thread = trpc.chat.threadForOrder.useMutation();  // creates the order's thread on first use
//   <ChatPanel threadId={thread.data.id} />
// Support staff appear to customers as "Support"; whether an agent may reply is the API's call
// (assertMayReplyAsStaff), and its refusal shows in the panel.
import { ChatPanel as SharedChatPanel, type ChatPanelProps } from '@marketdesk/ui/chat';

export type { ChatPanelProps };

export function ChatPanel(props: ChatPanelProps) {
  return <SharedChatPanel {...props} />;
}
