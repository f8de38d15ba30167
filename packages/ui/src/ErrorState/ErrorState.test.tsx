import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { ErrorState } from './ErrorState';

describe('ErrorState', () => {
  it('shows the reason and retries on request', () => {
    const onRetry = vi.fn();
    renderWithProviders(<ErrorState error={new Error('Server unreachable')} onRetry={onRetry} />);
    expect(screen.getByRole('alert').textContent).toContain('Server unreachable');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });
});
