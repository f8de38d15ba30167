// Render inside the real providers (test env: no transitions, no portals).
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AppProviders } from '../AppProviders/AppProviders';

export function renderWithProviders(ui: ReactElement) {
  return render(<AppProviders env="test">{ui}</AppProviders>);
}
