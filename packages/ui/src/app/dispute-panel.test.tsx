// The parties read a dispute's state in their own words — the domain's disputePartyStateLabels, one
// table keyed by the dispute machine's states — not the support desk's machine labels.
import { screen } from '@testing-library/react';
import { disputeMachine, disputePartyStateLabels, stateLabel } from '@marketdesk/domain';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { OrderDisputes } from './dispute-panel';

const dispute = { id: 'd1', state: 'awaiting_seller', stateLabel: stateLabel(disputeMachine, 'awaiting_seller'), reasonLabel: 'Item arrived damaged', currency: 'EUR', you: 'buyer', yourTurn: false, deadline: null, live: false, resolution: null, evidence: [] };

vi.mock('./trpc', () => {
  const mutation = () => ({ mutate: vi.fn(), isPending: false, error: null });
  return {
    trpc: {
      disputes: {
        forOrder: { useQuery: () => ({ data: [dispute], refetch: vi.fn() }) },
        reasons: { useQuery: () => ({ data: [], isPending: false }) },
        evidence: { useMutation: mutation },
        open: { useMutation: mutation },
      },
    },
  };
});
vi.mock('./live', () => ({ useLiveEvents: () => undefined }));

describe('OrderDisputes', () => {
  it("shows the dispute's state in the parties' words", () => {
    renderWithProviders(<OrderDisputes order={{ id: 'o1', version: 2, actions: [] }} onChanged={() => {}} />);
    expect(screen.getByText(disputePartyStateLabels.awaiting_seller)).toBeTruthy();
    expect(disputePartyStateLabels.awaiting_seller).toBe('Waiting for the seller');
    expect(screen.queryByText(dispute.stateLabel)).toBeNull();
  });
});
