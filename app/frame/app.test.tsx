// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { App } from './app';
import { NO_NATIONAL_SERVICES, testRuntime } from '../test-support/runtime';

const services = NO_NATIONAL_SERVICES;

function renderApp(mode: 'live' | 'demo' = 'live') {
  const runtime = testRuntime(services, { mode });
  render(<App runtime={runtime} queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })} />);
  return runtime;
}


// Access history is a lazy chunk: its first import is transformed on demand, which takes more
// than findBy's default second on a busy machine. Waiting longer hides no failure: it still must come.
const LAZY_SCREEN = { timeout: 15_000 };

describe('App: screens', () => {
  it('opens on the lookup, with Access history one press away in the header navigation', async () => {
    const user = userEvent.setup();
    const runtime = renderApp();
    const navigation = screen.getByRole('navigation', { name: 'Screens' });
    expect(within(navigation).getByRole('button', { name: 'Find a crisis plan' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('heading', { level: 1, name: 'Find a crisis plan' })).toBeInTheDocument();
    expect(runtime.accessHistory.searchAccessHistory).not.toHaveBeenCalled();

    await user.click(within(navigation).getByRole('button', { name: 'Access history' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Access history' }, LAZY_SCREEN)).toBeInTheDocument();
    expect(within(navigation).getByRole('button', { name: 'Access history' })).toHaveAttribute('aria-current', 'page');
    expect(within(navigation).getByRole('button', { name: 'Find a crisis plan' })).not.toHaveAttribute('aria-current');
    // The lookup is hidden, not gone: what the crew had open is there on the way back.
    expect(screen.queryByRole('heading', { level: 1, name: 'Find a crisis plan' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Find a crisis plan', hidden: true })).not.toBeVisible();
    await vi.waitFor(() => expect(runtime.accessHistory.searchAccessHistory).toHaveBeenCalledTimes(1));

    await user.click(within(navigation).getByRole('button', { name: 'Find a crisis plan' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Find a crisis plan' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1, name: 'Access history' })).not.toBeInTheDocument();
  }, 20_000);

  it('keeps the DEMO banner on the access history in demo mode', async () => {
    const user = userEvent.setup();
    renderApp('demo');
    await user.click(screen.getByRole('button', { name: 'Access history' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Access history' }, LAZY_SCREEN)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Demo mode' })).toHaveTextContent('DEMO');
  }, 20_000);
});
