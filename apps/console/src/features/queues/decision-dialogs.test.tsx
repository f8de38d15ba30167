import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { RejectWithReasonModal } from './decision-dialogs';

const reasons = [
  { code: 'expired', label: 'The identity document has expired' },
  { code: 'other', label: 'Other (see the note)' },
];

describe('RejectWithReasonModal', () => {
  it('needs a reason from the list, and a note when the reason is Other', () => {
    const onConfirm = vi.fn();
    renderWithProviders(<RejectWithReasonModal opened heading="Reject verification" audience="The seller behind" title="Kim Example" reasons={reasons} loading={false} error={null} onClose={() => {}} onConfirm={onConfirm} />);
    const dialog = screen.getByRole('dialog', { name: 'Reject verification' });
    expect(dialog.textContent).toContain('The seller behind Kim Example sees the reason');
    fireEvent.click(screen.getByRole('button', { name: 'Reject' }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(dialog.textContent).toContain('Choose a reason');
  });
});
