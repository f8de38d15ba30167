import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render';
import { LiveStatusBadge } from './LiveStatusBadge';

describe('LiveStatusBadge', () => {
  it.each([
    ['connected', 'Live'],
    ['reconnecting', 'Reconnecting…'],
    ['offline', 'Offline'],
  ] as const)('shows %s as "%s"', (status, label) => {
    renderWithProviders(<LiveStatusBadge status={status} />);
    const badge = screen.getByRole('status', { name: `Live updates: ${label}` });
    expect(badge.textContent).toBe(label);
  });
});
