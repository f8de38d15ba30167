import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render';
import { MessageText } from './message-text';

describe('MessageText', () => {
  it('renders markup as text, never as HTML', () => {
    const { container } = renderWithProviders(<MessageText body={'<script>alert(1)</script><img src=x onerror=alert(2)> <b>bold</b>'} />);
    const text = container.querySelector('p')!;
    expect(text.querySelector('script, img, b')).toBeNull();
    expect(container.querySelector('script, img')).toBeNull();
    expect(text.textContent).toBe('<script>alert(1)</script><img src=x onerror=alert(2)> <b>bold</b>');
  });

  it('links only http(s) URLs, in a new tab without opener, referrer or endorsement', () => {
    renderWithProviders(<MessageText body="See https://example.com/lp. Not javascript:alert(1)" />);
    const links = screen.getAllByRole('link');
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe('https://example.com/lp');
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(screen.getByText(/Not javascript:alert\(1\)/)).toBeTruthy();
  });
});
