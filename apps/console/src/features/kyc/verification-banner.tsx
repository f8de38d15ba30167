// Reminds an unverified seller, where it matters (listings, payouts), that publishing and
// withdrawing wait for their identity check, with the way to it. Only people who sell are asked:
// staff can open these pages (they hold the permissions at scope `any`) but verify nobody's identity
// of their own.
import { Alert, Anchor } from '@mantine/core';
import { kycSellerWording } from '@marketdesk/domain';
import { Link } from 'react-router';
import { trpc } from '../../trpc';
import { sells, useMe } from '../auth/use-session';

export function VerificationBanner({ what }: { what: string }) {
  const me = useMe();
  const seller = sells(me.data);
  const mine = trpc.kyc.mine.useQuery(undefined, { staleTime: 30_000, enabled: seller });
  const reminder = mine.data ? kycSellerWording[mine.data.state].reminder : null;
  if (!seller || !mine.data || !reminder) return null;
  // Yellow when the next step is the seller's (the API offers them one), blue while our team decides.
  return (
    <Alert color={mine.data.actions.length > 0 ? 'yellow' : 'blue'} mb="md" title={`${what} needs a verified identity`}>
      {reminder}{' '}
      <Anchor component={Link} to="/verification">
        Go to Verification
      </Anchor>
    </Alert>
  );
}
