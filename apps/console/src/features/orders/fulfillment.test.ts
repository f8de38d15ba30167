import { describe, expect, it, vi } from 'vitest';
import { deliveryDueAt, dueStatus, formatBytes, trackingFeedback, uploadShipmentProof } from './fulfillment';

describe('delivery due date', () => {
  it('counts business days from payment, skipping the weekend', () => {
    // Thursday 2 Jan 2031 + 3 business days = Tuesday 7 Jan.
    expect(deliveryDueAt('2031-01-02T10:00:00Z', 3)?.toISOString()).toBe('2031-01-07T10:00:00.000Z');
    expect(deliveryDueAt(null, 3)).toBeNull();
  });

  it('says how much time is left or how late it is', () => {
    const due = new Date('2031-01-07T10:00:00Z');
    expect(dueStatus(due, new Date('2031-01-03T10:00:00Z'))).toEqual({ tone: 'ok', label: 'Due in 4 days' });
    expect(dueStatus(due, new Date('2031-01-06T09:00:00Z'))).toEqual({ tone: 'soon', label: 'Due in 1 day' });
    expect(dueStatus(due, new Date('2031-01-07T08:00:00Z'))).toEqual({ tone: 'soon', label: 'Due today' });
    expect(dueStatus(due, new Date('2031-01-09T11:00:00Z'))).toEqual({ tone: 'overdue', label: 'Overdue by 3 days' });
  });
});

describe('trackingFeedback', () => {
  it('uses the carrier rules of the API, normalising spaces and case', () => {
    expect(trackingFeedback('royal_mail', 'ab 123 456 789 gb')).toMatchObject({ ok: true, url: expect.stringContaining('AB123456789GB') });
    expect(trackingFeedback('royal_mail', 'AB12')).toEqual({ ok: false, message: expect.stringContaining('Royal Mail tracking number') });
    expect(trackingFeedback(null, 'AB123456789GB')).toEqual({ ok: false, message: 'Pick the carrier first.' });
    expect(trackingFeedback('dhl', '  ')).toEqual({ ok: false });
  });
});

describe('uploadShipmentProof', () => {
  const file = new File(['%PDF-1.4'], 'label.pdf', { type: 'application/pdf' });
  it('posts the file as multipart field "file" and returns the upload', async () => {
    const fetcher = vi.fn(async () => new Response(JSON.stringify({ id: 'u1', contentType: 'application/pdf', bytes: 8, scan: 'clean' }), { status: 201 }));
    await expect(uploadShipmentProof(file, fetcher as unknown as typeof fetch)).resolves.toMatchObject({ id: 'u1' });
    const [url, init] = fetcher.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/uploads/shipment-proofs');
    expect((init.body as FormData).get('file')).toBeInstanceOf(File);
  });
  it("shows the server's message, or a plain one when there is none", async () => {
    const refused = vi.fn(async () => new Response(JSON.stringify({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'This file was refused: the virus scanner flagged it.' } }), { status: 415 }));
    await expect(uploadShipmentProof(file, refused as unknown as typeof fetch)).rejects.toThrow('virus scanner');
    const tooLarge = vi.fn(async () => new Response('<html>', { status: 413 }));
    await expect(uploadShipmentProof(file, tooLarge as unknown as typeof fetch)).rejects.toThrow('The file is too large.');
    const offline = vi.fn(async () => Promise.reject(new TypeError('fetch failed')));
    await expect(uploadShipmentProof(file, offline as unknown as typeof fetch)).rejects.toThrow('Could not reach Marketdesk');
  });
  it('formats sizes', () => {
    expect(formatBytes(900)).toBe('900 B');
    expect(formatBytes(48 * 1024)).toBe('48 KB');
    expect(formatBytes(1.25 * 1024 * 1024)).toBe('1.3 MB');
  });
});
