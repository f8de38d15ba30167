// The seller's answers on a submission are the actions the API offered (the submission machine under
// the seller's grants, narrowed by the answers' own rules), with the machine's labels, and no
// others: whether an offer can still be accepted or countered is the server's answer, not the page's.
import { fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { InfoAnswer, SellerAnswers, type SellerSubmission } from './seller-answers';

const mutate = vi.fn();
vi.mock('../../trpc', async (importOriginal) => {
  const mutation = () => ({ mutate, isPending: false, error: null, variables: undefined, reset: vi.fn() });
  const invalidate = vi.fn();
  return {
    ...(await importOriginal<object>()),
    trpc: {
      useUtils: () => ({ submissions: { get: { invalidate }, mine: { invalidate } } }),
      submissions: { respond: { useMutation: mutation }, provideInfo: { useMutation: mutation } },
    },
  };
});

const nowMs = Date.parse('2026-12-08T10:00:00Z');

function submission(state: string, actions: SellerSubmission['actions'], more: Partial<SellerSubmission> = {}): SellerSubmission {
  return {
    id: 's1', state, stateLabel: state, version: 5, currency: 'EUR', indicativeMinor: 2500, quoteMinor: state === 'quoted' ? 2500 : null, counterMinor: null, agreedMinor: null,
    counterRounds: 0, counterRoundsLeft: 3, quoteExpiresAt: new Date(nowMs + 3_600_000), infoRequest: null, infoResponse: null,
    items: [{ id: 'i1', artist: 'Miles Davis', title: 'Kind of Blue', offerMinor: 1600, askingMinor: 4000, declined: false }],
    actions, queueItem: null, ...more,
  } as unknown as SellerSubmission;
}

const offerActions: SellerSubmission['actions'] = [
  { command: 'accept', label: 'Accept' },
  { command: 'counter', label: 'Counter' },
  { command: 'withdraw', label: 'Withdraw' },
];

describe('SellerAnswers', () => {
  beforeEach(() => mutate.mockReset());

  it('renders the offered answers on an open offer, labelled by the machine', () => {
    renderWithProviders(<SellerAnswers s={submission('quoted', offerActions)} nowMs={nowMs} />);
    expect(screen.getByRole('region', { name: 'Our offer' })).toBeTruthy();
    for (const name of ['Accept', 'Counter', 'Withdraw']) expect(screen.getByRole('button', { name })).toBeTruthy();
  });

  it('offers only what the API offers: an offer past its time keeps Withdraw alone', () => {
    renderWithProviders(<SellerAnswers s={submission('quoted', [{ command: 'withdraw', label: 'Withdraw' }], { quoteExpiresAt: new Date(nowMs - 1000) })} nowMs={nowMs} />);
    expect(screen.getByText('Expired')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Accept' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Counter' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Withdraw' })).toBeTruthy();
  });

  it('says the counter-offers are used up when the API offers accept without counter', () => {
    renderWithProviders(<SellerAnswers s={submission('quoted', [offerActions[0]!, offerActions[2]!], { counterRoundsLeft: 0 })} nowMs={nowMs} />);
    expect(screen.queryByRole('button', { name: 'Counter' })).toBeNull();
    expect(screen.getByText(/used all your counter-offers/)).toBeTruthy();
  });

  it('sends accept on the version seen', () => {
    renderWithProviders(<SellerAnswers s={submission('quoted', offerActions)} nowMs={nowMs} />);
    fireEvent.click(screen.getByRole('button', { name: 'Accept' }));
    expect(mutate).toHaveBeenCalledWith({ submissionId: 's1', version: 5, response: 'accept' });
  });

  it('offers withdrawing before any offer, when the API does, and sends it after confirming', () => {
    renderWithProviders(<SellerAnswers s={submission('in_review', [{ command: 'withdraw', label: 'Withdraw' }])} nowMs={nowMs} />);
    expect(screen.queryByRole('region', { name: 'Our offer' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw' }));
    const dialog = screen.getByRole('dialog', { name: 'Withdraw the submission?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Withdraw' }));
    expect(mutate).toHaveBeenCalledWith({ submissionId: 's1', version: 5, response: 'decline' });
  });

  it('shows nothing when the API offers nothing and there is no offer to read', () => {
    const { container } = renderWithProviders(<SellerAnswers s={submission('accepted', [])} nowMs={nowMs} />);
    expect(container.querySelector('section')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('InfoAnswer', () => {
  it('shows the answer form, with the offered label, only when the API offers provide_info', () => {
    const asked = { infoRequest: 'Is the inner sleeve original?' };
    const { unmount } = renderWithProviders(<InfoAnswer s={submission('submitted', [{ command: 'provide_info', label: 'Send answer' }], asked)} />);
    expect(screen.getByRole('button', { name: 'Send answer' })).toBeTruthy();
    unmount();
    renderWithProviders(<InfoAnswer s={submission('submitted', [], asked)} />);
    expect(screen.queryByRole('region', { name: 'Our question' })).toBeNull();
  });
});
