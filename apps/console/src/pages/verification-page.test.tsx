// The verification page renders the steps the API offered (kyc.mine's actions: the KYC machine under
// the seller's grants), labelled by the machine, and the state in the seller's words (the domain's
// kycSellerWording) — no status checks of its own.
import { screen } from '@testing-library/react';
import { kycSellerWording } from '@marketdesk/domain';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import type { RouterOutputs } from '../trpc';
import { VerificationPage } from './verification-page';

type Verification = RouterOutputs['kyc']['mine'];
let mine: Verification;

vi.mock('../trpc', async (importOriginal) => {
  const mutation = () => ({ mutate: vi.fn(), isPending: false, error: null });
  return {
    ...(await importOriginal<object>()),
    trpc: {
      kyc: { mine: { useQuery: () => ({ isPending: false, isError: false, data: mine, refetch: vi.fn() }) }, submit: { useMutation: mutation }, provideInfo: { useMutation: mutation } },
    },
  };
});
vi.mock('../features/auth/use-session', () => ({ useMe: () => ({ data: { id: 'u1' } }) }));
vi.mock('../features/live/use-live-refetch', () => ({ useLiveRefetch: () => undefined }));
vi.mock('@marketdesk/ui/app', async (importOriginal) => ({ ...(await importOriginal<object>()), useRoom: () => undefined }));

const check = { id: 'k1', version: 3, legalName: 'Kim Example', submittedAt: new Date('2026-12-01T10:00:00Z'), documents: [], infoRequest: 'Please add a proof of address.', infoDueAt: null, rejection: null };
const verification = (state: Verification['state'], actions: Verification['actions']) => ({ state, stateLabel: state, canSell: state === 'approved', actions, check: state === 'not_started' ? null : check }) as unknown as Verification;

describe('VerificationPage', () => {
  beforeEach(() => {
    mine = verification('not_started', []);
  });

  it('shows the submit form, labelled by the machine, when the API offers submit', () => {
    mine = verification('not_started', [{ command: 'submit', label: 'Submit' }]);
    renderWithProviders(<VerificationPage />);
    expect(screen.getByText(kycSellerWording.not_started.label)).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Verification form' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Submit' })).toBeTruthy();
  });

  it('shows the answer form when the API offers resubmit, and no submit form', () => {
    mine = verification('needs_info', [{ command: 'resubmit', label: 'Resubmit' }]);
    renderWithProviders(<VerificationPage />);
    expect(screen.getByText(kycSellerWording.needs_info.label)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Resubmit' })).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Verification form' })).toBeNull();
  });

  it('offers no form while our team decides, whatever the state', () => {
    mine = verification('in_review', []);
    renderWithProviders(<VerificationPage />);
    expect(screen.getByText(kycSellerWording.in_review.label)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Submit' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Resubmit' })).toBeNull();
  });
});
