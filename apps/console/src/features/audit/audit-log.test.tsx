import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { AuditFilters, auditCsvHref } from './audit-filters';
import { AuditTable, type AuditRow } from './audit-table';
import type { PeopleSearch } from '../people/person-picker';

const dana = { id: '0b9f6c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f', displayName: 'Dana Admin', email: 'd***@m***.test', nameMasked: false, emailMasked: true };
const searches: string[] = [];
const fakePeople: PeopleSearch = (q) => {
  if (q) searches.push(q);
  return { data: q && 'dana admin'.includes(q.toLowerCase()) ? [dana] : [], isFetching: false, error: null };
};

const row = (id: string, action: string, outcome = 'ok'): AuditRow => ({
  id,
  at: new Date('2030-01-01T10:00:00Z'),
  actorId: 'a1',
  actor: { id: 'a1', name: 'Dana Admin', nameMasked: false },
  actorRoles: ['admin'],
  action,
  objectType: 'order',
  objectId: 'o1',
  outcome,
  before: { state: 'paid' },
  after: { state: 'cancelled' },
  requestId: 'req-1',
  ip: '203.0.113.7',
  userAgent: 'Firefox',
});

describe('Audit log', () => {
  it('lists rows with their outcome and opens one to its before/after and request', () => {
    renderWithProviders(<AuditTable rows={[row('1', 'order.cancelled'), row('2', 'trpc.orders.cancel', 'FORBIDDEN'), { ...row('3', 'ledger.posted'), actorId: 'b1', actor: { id: 'b1', name: 'B. B.', nameMasked: true } }, { ...row('4', 'order.expired'), actorId: null, actor: null }]} />);
    expect(screen.getByText('order.cancelled')).toBeTruthy();
    // Actors by name, never by id; initials when the viewer may not see the person's details.
    expect(screen.getAllByText('Dana Admin')).toHaveLength(2);
    expect(screen.getByText('B. B.').getAttribute('title')).toMatch(/Initials only/);
    expect(screen.getByText('System')).toBeTruthy();
    expect(screen.queryByText('a1')).toBeNull();
    expect(screen.getByText('FORBIDDEN')).toBeTruthy();
    const [first] = screen.getAllByRole('button', { name: /Details of order.cancelled/ });
    expect(first!.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(first!);
    expect(first!.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByText(/Request req-1/).length).toBeGreaterThan(0);
  });

  it('searches with the filters typed and exports the same filters as CSV', () => {
    const onSearch = vi.fn();
    renderWithProviders(<AuditFilters onSearch={onSearch} usePeopleSearch={fakePeople} />);
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'trpc.orders.*' } });
    fireEvent.change(screen.getByLabelText('Object id'), { target: { value: ' o1 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(onSearch).toHaveBeenCalledWith({ action: 'trpc.orders.*', objectId: 'o1' });
    expect(auditCsvHref({ action: 'trpc.orders.*', objectId: 'o1' })).toBe('/files/audit.csv?action=trpc.orders.*&objectId=o1');
    expect(auditCsvHref({})).toBe('/files/audit.csv');
  });

  it('picks the actor by name and searches by their id', async () => {
    const onSearch = vi.fn();
    const form = within(renderWithProviders(<AuditFilters onSearch={onSearch} usePeopleSearch={fakePeople} />).container);
    const input = form.getByRole('combobox', { name: 'Actor' });
    // Typed, as a person does (Mantine ignores changes to an input without focus: autofill).
    input.focus();
    fireEvent.change(input, { target: { value: 'Dana' } });
    fireEvent.click(await form.findByRole('option', { name: 'Dana Admin · d***@m***.test' }));
    expect(searches).toContain('Dana');
    fireEvent.click(form.getByRole('button', { name: 'Search' }));
    expect(onSearch).toHaveBeenCalledWith({ actorId: dana.id });
  });
});
