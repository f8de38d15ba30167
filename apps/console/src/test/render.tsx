// Render console components inside the shared providers (test env: no transitions, no portals)
// and a memory router, since pages and rows link with react-router.
import { AppProviders } from '@marketdesk/ui';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';

export function renderWithProviders(ui: ReactElement) {
  return render(
    <AppProviders env="test">
      <MemoryRouter>{ui}</MemoryRouter>
    </AppProviders>,
  );
}
