// The order's conversation by order id (seller's order page, the disputes split view): opens the
// thread with chat.threadForOrder (created on first use), then shows the ChatPanel.
import { Text } from '@mantine/core';
import { errorMessage } from '@marketdesk/ui';
import { useEffect } from 'react';
import { trpc } from '../../trpc';
import { ChatPanel } from './chat-panel';

export function OrderThreadPanel({ orderId, height = 360 }: { orderId: string; height?: number | string }) {
  const open = trpc.chat.threadForOrder.useMutation();
  const { mutate } = open;
  useEffect(() => mutate({ orderId }), [orderId, mutate]);
  if (open.error) {
    return (
      <Text c="red" size="sm" role="alert">
        {errorMessage(open.error)}
      </Text>
    );
  }
  if (!open.data) {
    return (
      <Text size="sm" c="dimmed">
        Opening the conversation…
      </Text>
    );
  }
  return <ChatPanel threadId={open.data.id} height={height} />;
}
