// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { App } from './app';
import type { AppRole } from '../domain/signed-in-person';
import type { SessionSnapshot } from '../services/sign-in-service';
import type { SessionView } from '../sync/session-control';
import { NO_NATIONAL_SERVICES, testRuntime } from '../test-support/runtime';
import { testPerson, testSession } from '../test-support/session';

const services = NO_NATIONAL_SERVICES;

function renderApp(mode: 'live' | 'demo' = 'live', session: SessionSnapshot = signedIn(mode === 'demo' ? ['trainer'] : ['paramedic', 'clinicalLead']), extra: Partial<SessionView> = {}) {
  const runtime = testRuntime(services, { mode, session: testSession(session, extra) });
  render(<App runtime={runtime} queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })} />);
  return runtime;
}

function signedIn(appRoles: readonly AppRole[], state: 'signed-in' | 'expiring' | 'expired' = 'signed-in'): SessionSnapshot {
  return { state, person: testPerson(appRoles), expiresAt: '2099-01-01T00:00:00.000Z' };
}

// Access history is a lazy chunk: its first import is transformed on demand, which takes more
// than findBy's default second on a busy machine. Waiting longer hides no failure: it still must come.
const LAZY_SCREEN = { timeout: 15_000 };

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('App: screens', () => {
  it('opens on the lookup, with Access history one press away in the header navigation', async () => {
    const user = userEvent.setup();
    const runtime = renderApp();
    const navigation = screen.getByRole('navigation', { name: 'Screens' });
    expect(within(navigation).getByRole('link', { name: 'Find a crisis plan' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('heading', { level: 1, name: 'Find a crisis plan' })).toBeInTheDocument();
    expect(runtime.accessHistory.searchAccessHistory).not.toHaveBeenCalled();

    await user.click(within(navigation).getByRole('link', { name: 'Access history' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Access history' }, LAZY_SCREEN)).toBeInTheDocument();
    expect(window.location.pathname).toBe('/history');
    expect(within(navigation).getByRole('link', { name: 'Access history' })).toHaveAttribute('aria-current', 'page');
    expect(within(navigation).getByRole('link', { name: 'Find a crisis plan' })).not.toHaveAttribute('aria-current');
    // The lookup is hidden, not gone: what the crew had open is there on the way back.
    expect(screen.queryByRole('heading', { level: 1, name: 'Find a crisis plan' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Find a crisis plan', hidden: true })).not.toBeVisible();
    await vi.waitFor(() => expect(runtime.accessHistory.searchAccessHistory).toHaveBeenCalledTimes(1));

    await user.click(within(navigation).getByRole('link', { name: 'Find a crisis plan' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Find a crisis plan' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1, name: 'Access history' })).not.toBeInTheDocument();
    expect(window.location.pathname).toBe('/');
  }, 20_000);

  it('keeps the DEMO banner on the access history in demo mode', async () => {
    const user = userEvent.setup();
    renderApp('demo');
    await user.click(screen.getByRole('link', { name: 'Access history' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Access history' }, LAZY_SCREEN)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Demo mode' })).toHaveTextContent('DEMO');
  }, 20_000);
});

describe('App: who is signed in, and what their role opens (issue 10)', () => {
  it('names the person, their role and organisation above the screen, with Sign out in reach', () => {
    renderApp();
    const bar = screen.getByRole('region', { name: 'Signed in' });
    expect(bar).toHaveTextContent('Alex Test-Paramedic');
    expect(bar).toHaveTextContent('Paramedic');
    expect(bar).toHaveTextContent('Synthetic Ambulance Service NHS Trust (RX8)');
    expect(within(bar).getByRole('button', { name: 'Sign out' })).toBeVisible();
  });

  it('asks before signing out, because it removes the saved plans; the question takes focus, Cancel gives it back', async () => {
    const user = userEvent.setup();
    const runtime = renderApp();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(runtime.session.signOut).not.toHaveBeenCalled();
    expect(screen.getByRole('alertdialog', { name: 'Sign out and remove saved plans?' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Sign out' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await user.click(screen.getByRole('button', { name: 'Yes, sign out' }));
    expect(runtime.session.signOut).toHaveBeenCalledTimes(1);
  });

  it('a paramedic has no Access history in the navigation, and is refused it by URL', async () => {
    window.history.replaceState(null, '', '/history');
    const runtime = renderApp('live', signedIn(['paramedic']));
    expect(screen.queryByRole('link', { name: 'Access history' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Your role cannot open this page' })).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('heading', { level: 1, name: 'Access history' })).not.toBeInTheDocument();
    expect(runtime.accessHistory.searchAccessHistory).not.toHaveBeenCalled();
  });

  it('a clinical lead opens the access history by URL', async () => {
    window.history.replaceState(null, '', '/history');
    renderApp('live', signedIn(['clinicalLead']));
    expect(await screen.findByRole('heading', { level: 1, name: 'Access history' }, LAZY_SCREEN)).toBeInTheDocument();
  }, 20_000);

  it('a role that grants nothing gets a page that says so, with Change role and Sign out, and no patient screen', async () => {
    const user = userEvent.setup();
    const runtime = renderApp('live', signedIn([]));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your role cannot use this app' }, LAZY_SCREEN)).toBeVisible();
    expect(screen.queryByRole('heading', { level: 1, name: 'Find a crisis plan' })).not.toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Change role' })).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Change role' }));
    expect(runtime.session.signIn).toHaveBeenCalledWith({ selectRole: true });
  });

  it('a trainer role in live mode is told trainers use demo mode', async () => {
    renderApp('live', signedIn(['trainer']));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your role cannot use this app' }, LAZY_SCREEN)).toBeVisible();
    expect(screen.getByText(/Trainers use the app in demo mode/)).toBeVisible();
  });

  it('nobody signed in: the sign-in page, and nothing about patients', async () => {
    const user = userEvent.setup();
    const runtime = renderApp('live', { state: 'signed-out' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to find crisis plans' }, LAZY_SCREEN)).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Signed in' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/NHS number/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign in with NHS Care Identity' }));
    expect(runtime.session.signIn).toHaveBeenCalledTimes(1);
  });

  it('a failed sign-in says why', async () => {
    renderApp('live', { state: 'signed-out' }, { failure: 'callback-invalid' });
    expect(await screen.findByRole('alert', {}, LAZY_SCREEN)).toHaveTextContent('This sign-in could not be checked, so it was not used.');
  });

  it('an offline session is marked plainly, with Sign in for when signal returns', () => {
    renderApp('live', { state: 'offline', person: testPerson(['paramedic']), until: '2099-01-01T00:00:00.000Z' });
    const bar = screen.getByRole('region', { name: 'Signed in' });
    expect(bar).toHaveTextContent('Offline session');
    expect(bar).toHaveTextContent('Saved copies only.');
    expect(within(bar).getByRole('button', { name: 'Sign in' })).toBeVisible();
  });

  it('a sign-in that has run out asks to sign in again and keeps the screen the crew is on', async () => {
    const user = userEvent.setup();
    const runtime = renderApp('live', signedIn(['paramedic'], 'expired'));
    expect(screen.getByRole('region', { name: 'Your sign-in has ended' })).toBeVisible();
    expect(screen.getByRole('heading', { level: 1, name: 'Find a crisis plan' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(runtime.session.signInAgain).toHaveBeenCalledTimes(1);
  });
});
