// The heart: saves a listing to the wishlist or takes it off. Signed-out shoppers are sent to sign
// in first (and come back here). The saved state is read from `wishlist.ids`, updated optimistically.
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '@marketdesk/ui';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../auth/use-session';
import { trpc } from '../../trpc';

export function SaveButton({ listingId, title }: { listingId: string; title: string }) {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const utils = trpc.useUtils();
  const ids = trpc.wishlist.ids.useQuery(undefined, { enabled: !!me.data });
  const saved = ids.data?.includes(listingId) ?? false;
  const onSettled = () => Promise.all([utils.wishlist.ids.invalidate(), utils.wishlist.list.invalidate()]);
  const setSaved = (next: boolean) => utils.wishlist.ids.setData(undefined, (old = []) => (next ? [listingId, ...old.filter((i) => i !== listingId)] : old.filter((i) => i !== listingId)));
  const save = trpc.wishlist.save.useMutation({
    onMutate: () => setSaved(true),
    onSuccess: () => notifications.show({ color: 'green', title: 'Saved to your wishlist', message: `We will tell you when ${title} gets cheaper or is back in stock.` }),
    onError: (error) => {
      setSaved(false);
      notifications.show({ color: 'red', title: 'Could not save', message: errorMessage(error) });
    },
    onSettled,
  });
  const remove = trpc.wishlist.remove.useMutation({
    onMutate: () => setSaved(false),
    onError: (error) => {
      setSaved(true);
      notifications.show({ color: 'red', title: 'Could not remove', message: errorMessage(error) });
    },
    onSettled,
  });

  const onClick = () => {
    if (!me.data) return void navigate(`/login?next=${encodeURIComponent(location.pathname)}`);
    if (saved) remove.mutate({ listingId });
    else save.mutate({ listingId });
  };
  return (
    <Button
      variant={saved ? 'light' : 'default'}
      color={saved ? 'red' : undefined}
      leftSection={<span aria-hidden>{saved ? '♥' : '♡'}</span>}
      onClick={onClick}
      loading={save.isPending || remove.isPending}
      aria-pressed={saved}
      fullWidth
    >
      {saved ? 'Saved to wishlist' : 'Save to wishlist'}
    </Button>
  );
}
