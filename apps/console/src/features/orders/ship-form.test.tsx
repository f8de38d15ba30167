import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { ShipForm } from './ship-form';

function pickCarrier(label: string) {
  fireEvent.click(screen.getByRole('combobox', { name: 'Carrier' }));
  fireEvent.click(screen.getByRole('option', { name: label }));
}

describe('ShipForm', () => {
  it('checks the tracking number against the carrier while typing and sends it', () => {
    const onSubmit = vi.fn();
    renderWithProviders(<ShipForm onSubmit={onSubmit} />);
    pickCarrier('Royal Mail');
    const tracking = screen.getByRole('textbox', { name: /Tracking number/ });
    fireEvent.change(tracking, { target: { value: 'AB1234567XX' } });
    expect(screen.getByText(/does not look like a Royal Mail tracking number/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Mark shipped' }));
    expect(onSubmit).not.toHaveBeenCalled();

    fireEvent.change(tracking, { target: { value: 'ab123456789gb' } });
    expect(screen.queryByText(/does not look like/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Mark shipped' }));
    expect(onSubmit).toHaveBeenCalledWith({ carrier: 'royal_mail', trackingNumber: 'ab123456789gb' });
  });

  it('asks for the carrier first and shows server errors on their field', () => {
    const onSubmit = vi.fn();
    renderWithProviders(<ShipForm onSubmit={onSubmit} errors={{ trackingNumber: 'Refused by the server' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Mark shipped' }));
    expect(screen.getByText('Pick the carrier')).toBeTruthy();
    expect(screen.getByText('Refused by the server')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('uploads the proof when picked and sends its id', async () => {
    const onSubmit = vi.fn();
    const upload = vi.fn(async () => ({ id: '6f1c7a52-0b0e-4f0e-9d3b-2b7d3b4d9e11', contentType: 'application/pdf', bytes: 2048, scan: 'clean' }));
    const { container } = renderWithProviders(<ShipForm onSubmit={onSubmit} upload={upload} />);
    pickCarrier('DPD');
    fireEvent.change(screen.getByRole('textbox', { name: /Tracking number/ }), { target: { value: '01234567890123' } });
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['%PDF-1.4'], 'label.pdf', { type: 'application/pdf' })] } });
    await waitFor(() => expect(screen.getByText(/label.pdf uploaded \(2 KB\), checked for viruses/)).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Mark shipped' }));
    expect(onSubmit).toHaveBeenCalledWith({ carrier: 'dpd', trackingNumber: '01234567890123', proofId: '6f1c7a52-0b0e-4f0e-9d3b-2b7d3b4d9e11' });
  });
});
