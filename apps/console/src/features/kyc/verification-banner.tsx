// Reminds an unverified seller, where it matters (listings, payouts), that publishing and
// withdrawing wait for their identity check, with the way to it.
import { Alert, Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { trpc } from '../../trpc';

const text: Record<string, string> = {
  unverified: 'Verify your identity to publish listings and withdraw money.',
  pending: 'Your identity check is in review: you can prepare drafts, and publish once it is approved.',
  needs_info: 'Our team needs more information to verify you.',
  rejected: 'Your identity check was not approved; correct it to publish and withdraw.',
};

export function VerificationBanner({ what }: { what: string }) {
  const mine = trpc.kyc.mine.useQuery(undefined, { staleTime: 30_000 });
  if (!mine.data || mine.data.status === 'verified') return null;
  return (
    <Alert color={mine.data.status === 'pending' ? 'blue' : 'yellow'} mb="md" title={`${what} needs a verified identity`}>
      {text[mine.data.status]}{' '}
      <Anchor component={Link} to="/verification">
        Go to Verification
      </Anchor>
    </Alert>
  );
}
