import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { PhotoStrip } from './photo-strip';
import type { Photo } from './photos';

const photos: Photo[] = [
  { key: 'a', imageId: 'A', name: 'front.jpg', src: '/a.webp', status: 'ready' },
  { key: 'b', imageId: 'B', name: 'back.jpg', src: '/b.jpg', status: 'processing' },
  { key: 'c', imageId: null, name: 'label.gif', src: null, status: 'failed', error: 'Only JPEG, PNG or WebP images are accepted.' },
];

describe('PhotoStrip', () => {
  it('moves and removes photos, and shows why an upload failed', () => {
    const onMove = vi.fn();
    const onRemove = vi.fn();
    renderWithProviders(<PhotoStrip photos={photos} onAdd={() => {}} onMove={onMove} onRemove={onRemove} />);

    expect((screen.getByRole('button', { name: 'Move photo 1 left' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Move photo 3 right' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Move photo 2 left' }));
    expect(onMove).toHaveBeenCalledWith(photos[1], -1);
    fireEvent.click(screen.getByRole('button', { name: 'Remove photo 3' }));
    expect(onRemove).toHaveBeenCalledWith(photos[2]);

    expect(screen.getByText('Only JPEG, PNG or WebP images are accepted.')).toBeTruthy();
    expect(screen.getByText('Making thumbnail…')).toBeTruthy();
    expect(screen.getByText('Cover')).toBeTruthy();
  });
});
