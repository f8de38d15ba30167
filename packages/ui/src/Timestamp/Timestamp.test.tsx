import { act, render, screen } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate, formatDateTime, formatRelativeTime } from '../format/date';
import { Timestamp } from './Timestamp';

const instant = '2026-12-07T14:47:00Z';

describe('Timestamp', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes the instant in the viewer’s terms with its ISO value', () => {
    render(<Timestamp value={instant} />);
    const time = screen.getByText(formatDateTime(instant));
    expect(time.tagName).toBe('TIME');
    expect(time.getAttribute('datetime')).toBe('2026-12-07T14:47:00.000Z');
  });

  it('gives a bare date the exact moment as its tooltip', () => {
    render(<Timestamp value={instant} shape="date" />);
    expect(screen.getByText(formatDate(instant)).getAttribute('title')).toBe(formatDateTime(instant));
  });

  it('writes a relative time against the caller’s clock', () => {
    render(<Timestamp value={instant} shape="relative" now={new Date('2026-12-07T14:50:00Z')} />);
    expect(screen.getByText(formatRelativeTime(instant, new Date('2026-12-07T14:50:00Z')))).toBeTruthy();
    expect(screen.getByText('3 minutes ago')).toBeTruthy();
  });

  it('renders UTC with the zone named on the server, then the viewer’s text after hydration, without a mismatch', async () => {
    const tree = (
      <p>
        Placed <Timestamp value={instant} /> · <Timestamp value={instant} shape="relative" now={new Date('2026-12-07T15:47:00Z')} />
      </p>
    );
    const html = renderToString(tree);
    expect(html).toContain('<time dateTime="2026-12-07T14:47:00.000Z">7 Dec 2026, 14:47 UTC</time>');

    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.appendChild(container);
    const errors = vi.spyOn(console, 'error');
    const recoverable = vi.fn();
    await act(async () => {
      hydrateRoot(container, tree, { onRecoverableError: recoverable });
    });
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    expect(container.textContent).toBe(`Placed ${formatDateTime(instant)} · 1 hour ago`);
    container.remove();
  });
});
