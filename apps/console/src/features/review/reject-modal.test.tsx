import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { RejectModal } from './reject-modal';
import { describeAttributes, describeCondition } from './review-card';

describe('RejectModal', () => {
  it('asks for a reason of at least 3 characters before rejecting', () => {
    const onConfirm = vi.fn();
    renderWithProviders(<RejectModal opened title="Kind of Blue" onClose={() => {}} onConfirm={onConfirm} />);
    const dialog = screen.getByRole('dialog', { name: 'Reject listing' });
    fireEvent.change(screen.getByLabelText(/Reason/), { target: { value: ' no ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reject' }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(dialog.textContent).toContain('Say why, so the seller can fix it');

    fireEvent.change(screen.getByLabelText(/Reason/), { target: { value: '  Photos are blurry ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reject' }));
    expect(onConfirm).toHaveBeenCalledWith('Photos are blurry');
  });
});

describe('review card text', () => {
  it('lists filled record attributes in a fixed order and names the grade', () => {
    expect(describeAttributes({ year: '1959', artist: 'Miles Davis', label: ' ', format: 'LP' })).toBe('Miles Davis · LP · 1959');
    expect(describeAttributes({})).toBe('');
    expect(describeCondition('VG+')).toBe('VG+ — Very Good Plus');
    expect(describeCondition(null)).toBe('Not graded');
  });
});
