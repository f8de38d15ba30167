// The order's conversation on the buyer's order page: buyer, seller and (when they join) support.
// The thread is created on first use by chat.threadForOrder.
import { Paper, Text, Title } from '@mantine/core';
import { errorMessage } from '@marketdesk/ui';
import { ChatPanel } from '@marketdesk/ui/chat';
import { useEffect } from 'react';
import { trpc } from '../../trpc';

export function OrderChat({ orderId, sellerName }: { orderId: string; sellerName: string }) {
  const open = trpc.chat.threadForOrder.useMutation();
  const { mutate } = open;
  useEffect(() => mutate({ orderId }), [orderId, mutate]);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="order-chat">
      <Title order={2} size="h5" mb="xs" id="order-chat">
        Messages with {sellerName}
      </Title>
      {open.error ? (
        <Text c="red" size="sm" role="alert">
          {errorMessage(open.error)}
        </Text>
      ) : open.data ? (
        <ChatPanel threadId={open.data.id} title={sellerName} height={320} />
      ) : (
        <Text size="sm" c="dimmed">
          Opening the conversation…
        </Text>
      )}
    </Paper>
  );
}
