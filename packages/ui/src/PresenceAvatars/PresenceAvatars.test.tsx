import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render';
import { PresenceAvatars, initials } from './PresenceAvatars';

describe('PresenceAvatars', () => {
  it('names each person for assistive technology', () => {
    renderWithProviders(
      <PresenceAvatars users={[{ id: '1', displayName: 'Dana Admin' }, { id: '2', displayName: 'Alex Agent' }]} />,
    );
    const group = screen.getByRole('group', { name: 'People on this page' });
    expect(group).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Dana Admin' }).textContent).toBe('DA');
    expect(screen.getByRole('img', { name: 'Alex Agent' })).toBeTruthy();
  });

  it('collapses overflow into "+N"', () => {
    const users = Array.from({ length: 7 }, (_, i) => ({ id: String(i), displayName: `User ${i}` }));
    renderWithProviders(<PresenceAvatars users={users} max={5} />);
    expect(screen.getAllByRole('img')).toHaveLength(6);
    expect(screen.getByRole('img', { name: '2 more' }).textContent).toBe('+2');
  });

  it('derives initials from first and last names', () => {
    expect(initials('Sam Support')).toBe('SS');
    expect(initials('  cher ')).toBe('C');
    expect(initials('Mary Jane Watson')).toBe('MW');
  });
});
