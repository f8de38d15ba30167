import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { MyListingsTable, type MyListing } from './my-listings-table';

const now = new Date('2030-01-01T12:00:00Z');

function listing(id: string, title: string, state: string, stateLabel: string, actions: MyListing['actions']): MyListing {
  return {
    id,
    title,
    state,
    stateLabel,
    actions,
    version: 3,
    priceMinor: 2490,
    currency: 'EUR',
    available: 2,
    updatedAt: new Date('2030-01-01T11:00:00Z'),
    category: { id: 'c', slug: 'jazz', name: 'Jazz' },
    images: [],
  } as unknown as MyListing;
}

describe('MyListingsTable', () => {
  it('offers each row the actions the API sent for it, labelled by the machine, and sends them with the row', () => {
    const onCommand = vi.fn();
    const pause = { command: 'pause', label: 'Pause' } as const;
    const rows = [
      listing('1', 'Kind of Blue', 'active', 'Active', [pause, { command: 'archive', label: 'Archive' }]),
      listing('2', 'Blue Train', 'rejected', 'Rejected', [{ command: 'revise', label: 'Revise' }]),
      listing('3', 'Giant Steps', 'archived', 'Archived', []),
      // A seller whose grant was taken away is offered nothing, whatever the state.
      listing('4', 'Mingus Ah Um', 'active', 'Active', []),
    ];
    renderWithProviders(<MyListingsTable listings={rows} now={now} onCommand={onCommand} />);

    const table = screen.getByRole('table', { name: 'My listings' });
    const active = within(table).getByRole('row', { name: /Kind of Blue/ });
    expect(within(active).getByText('Active')).toBeTruthy();
    expect(within(active).getByRole('link', { name: 'Edit Kind of Blue' }).getAttribute('href')).toBe('/listings/1/edit');
    fireEvent.click(within(active).getByRole('button', { name: 'Pause' }));
    expect(onCommand).toHaveBeenCalledWith(rows[0], pause);

    const rejected = within(table).getByRole('row', { name: /Blue Train/ });
    expect(within(rejected).getByRole('button', { name: 'Revise' })).toBeTruthy();
    expect(within(rejected).queryByRole('button', { name: 'Pause' })).toBeNull();

    const archived = within(table).getByRole('row', { name: /Giant Steps/ });
    expect(within(archived).queryByRole('link', { name: /Edit/ })).toBeNull();
    expect(within(archived).queryAllByRole('button')).toHaveLength(0);

    const withdrawn = within(table).getByRole('row', { name: /Mingus Ah Um/ });
    expect(within(withdrawn).queryAllByRole('button')).toHaveLength(0);
  });
});
