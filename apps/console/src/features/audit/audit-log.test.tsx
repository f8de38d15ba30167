import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { AuditFilters, auditCsvHref } from './audit-filters';
import { AuditTable, type AuditRow } from './audit-table';

const row = (id: string, action: string, outcome = 'ok'): AuditRow => ({
  id,
  at: new Date('2030-01-01T10:00:00Z'),
  actorId: 'a1',
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
    renderWithProviders(<AuditTable rows={[row('1', 'order.cancelled'), row('2', 'trpc.orders.cancel', 'FORBIDDEN')]} />);
    expect(screen.getByText('order.cancelled')).toBeTruthy();
    expect(screen.getByText('FORBIDDEN')).toBeTruthy();
    const [first] = screen.getAllByRole('button', { name: /Details of order.cancelled/ });
    expect(first!.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(first!);
    expect(first!.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByText(/Request req-1/).length).toBeGreaterThan(0);
  });

  it('searches with the filters typed and exports the same filters as CSV', () => {
    const onSearch = vi.fn();
    renderWithProviders(<AuditFilters onSearch={onSearch} />);
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'trpc.orders.*' } });
    fireEvent.change(screen.getByLabelText('Object id'), { target: { value: ' o1 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(onSearch).toHaveBeenCalledWith({ action: 'trpc.orders.*', objectId: 'o1' });
    expect(auditCsvHref({ action: 'trpc.orders.*', objectId: 'o1' })).toBe('/files/audit.csv?action=trpc.orders.*&objectId=o1');
    expect(auditCsvHref({})).toBe('/files/audit.csv');
  });
});
