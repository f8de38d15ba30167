// "Ask the seller" on a listing page: opens (or reopens) the buyer's pre-sale thread about this
// listing in a drawer. Signed-out visitors are sent to sign in and brought back here.
import { Button, Drawer, Text } from '@mantine/core';
import { errorMessage } from '@marketdesk/ui';
import { ChatPanel } from '@marketdesk/ui/chat';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useMe } from '../auth/use-session';
import { trpc } from '../../trpc';

export function AskSeller({ listingId, sellerId, sellerName }: { listingId: string; sellerId: string; sellerName: string }) {
  const me = useMe();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const start = trpc.chat.startPresale.useMutation();
  if (me.data?.id === sellerId) return null;
  if (!me.data) {
    return (
      <Button component={Link} to={`/login?next=${encodeURIComponent(location.pathname)}`} variant="default" fullWidth>
        Ask the seller
      </Button>
    );
  }
  const ask = () => {
    setOpen(true);
    if (!start.data) start.mutate({ listingId });
  };
  return (
    <>
      <Button variant="default" fullWidth onClick={ask} loading={start.isPending}>
        Ask the seller
      </Button>
      <Drawer opened={open} onClose={() => setOpen(false)} position="right" size="md" title={`Ask ${sellerName}`}>
        {start.error && (
          <Text c="red" size="sm" role="alert">
            {errorMessage(start.error)}
          </Text>
        )}
        {start.data && <ChatPanel threadId={start.data.id} title={sellerName} height="calc(100dvh - 260px)" />}
      </Drawer>
    </>
  );
}
