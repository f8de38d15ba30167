// Reminds an unverified seller, where it matters (listings, payouts), that publishing and
// withdrawing wait for their identity check, with the way to it. Only people who sell are asked:
// staff can open these pages (they hold the permissions at scope `any`) but verify nobody's identity
// of their own.
import { Alert, Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { trpc } from '../../trpc';
import { sells, useMe } from '../auth/use-session';

const text: Record<string, string> = {
  unverified: 'Verify your identity to publish listings and withdraw money.',
  pending: 'Your identity check is in review: you can prepare drafts, and publish once it is approved.',
  needs_info: 'Our team needs more information to verify you.',
  rejected: 'Your identity check was not approved; correct it to publish and withdraw.',
};

export function VerificationBanner({ what }: { what: string }) {
  const me = useMe();
  const seller = sells(me.data);
  const mine = trpc.kyc.mine.useQuery(undefined, { staleTime: 30_000, enabled: seller });
  if (!seller || !mine.data || mine.data.status === 'verified') return null;
  return (
    <Alert color={mine.data.status === 'pending' ? 'blue' : 'yellow'} mb="md" title={`${what} needs a verified identity`}>
      {text[mine.data.status]}{' '}
      <Anchor component={Link} to="/verification">
        Go to Verification
      </Anchor>
    </Alert>
  );
}
