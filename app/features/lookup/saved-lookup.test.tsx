// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { expiresAt } from '../../domain/staleness';
import { buildSnapshot, MARIGOLD, NOW, hoursFrom } from '../../test-support/storage';
import { newLookup } from '../../queries/lookup-queries';
import { RuntimeProvider, type Runtime } from '../../runtime/runtime-context';
import { NO_NATIONAL_SERVICES, testRuntime } from '../../test-support/runtime';
import { SavedLookup, type SavedReason } from './saved-lookup';

const offlineServices = NO_NATIONAL_SERVICES;

function renderSaved(runtime: Runtime, reason: SavedReason = 'unreachable') {
  render(
    <RuntimeProvider runtime={runtime}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <SavedLookup lookup={newLookup(MARIGOLD)} reason={reason} />
      </QueryClientProvider>
    </RuntimeProvider>,
  );
}

function savedHoursAgo(hours: number, retentionHours = 24): Runtime {
  const retrievedAt = hoursFrom(NOW, -hours).toISOString();
  const snapshot = { ...buildSnapshot({ withoutCrisisPlan: true }), retrievedAt };
  const runtime = testRuntime(offlineServices);
  vi.mocked(runtime.plans.find).mockResolvedValue({ snapshot, retrievedAt, expiresAt: expiresAt(retrievedAt, retentionHours) });
  return runtime;
}

describe('SavedLookup', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('shows the saved copy with when it was retrieved and how old it is', async () => {
    renderSaved(savedHoursAgo(3));
    expect(await screen.findByText('Retrieved 11:02, 3 h ago')).toBeInTheDocument();
    expect(screen.getByText(/could not be reached. This is the copy saved on this device/)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'No crisis plan found' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'This plan may be out of date' })).not.toBeInTheDocument();
  });

  it('warns prominently once the copy is older than the staleness threshold', async () => {
    renderSaved(savedHoursAgo(13));
    expect(await screen.findByText('Retrieved 01:02, 13 h ago')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'This plan may be out of date' })).toBeInTheDocument();
    expect(screen.getByText('It was retrieved more than 12 hours ago. Search again when you have signal.')).toBeInTheDocument();
  });

  it('never shows a copy past its retention time', async () => {
    renderSaved(savedHoursAgo(25));
    expect(await screen.findByText('This saved copy has been deleted: plans are kept on the device for 24 hours.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Patient details/ })).not.toBeInTheDocument();
  });

  it('records the view on the device before the saved copy is shown (safety rule 6)', async () => {
    const runtime = savedHoursAgo(3);
    let shownBeforeRecorded = false;
    vi.mocked(runtime.recordAccess).mockImplementation(async () => {
      shownBeforeRecorded = screen.queryByText('Retrieved 11:02, 3 h ago') !== null;
    });
    renderSaved(runtime, 'opened');
    expect(await screen.findByText('Retrieved 11:02, 3 h ago')).toBeInTheDocument();
    expect(shownBeforeRecorded).toBe(false);
    expect(runtime.recordAccess).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'saved-copy-view', nhsNumber: MARIGOLD, outcome: { kind: 'shown-from-device' }, request: undefined }),
    );
  });

  it('does not show the saved copy when its view could not be recorded', async () => {
    const runtime = savedHoursAgo(3);
    vi.mocked(runtime.recordAccess).mockRejectedValue(new Error('QuotaExceededError'));
    renderSaved(runtime, 'opened');
    expect(await screen.findByRole('heading', { name: 'The saved copy is not shown' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.queryByText(/Retrieved/)).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Patient details/ })).not.toBeInTheDocument();
  });

  it('with nothing saved, queues the search and says so only once it is kept', async () => {
    const runtime = testRuntime(offlineServices);
    renderSaved(runtime, 'offline');
    expect(await screen.findByText(/The search is waiting and will run by itself/)).toBeInTheDocument();
    expect(runtime.queue.add).toHaveBeenCalledWith(MARIGOLD);
    expect(screen.getByRole('heading', { name: 'Could not check for a crisis plan' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'No crisis plan found' })).not.toBeInTheDocument();
  });

  it('does not claim the search is waiting when it could not be kept', async () => {
    const runtime = testRuntime(offlineServices);
    vi.mocked(runtime.queue.add).mockRejectedValue(new Error('disk full'));
    renderSaved(runtime, 'offline');
    expect(await screen.findByText('The search could not be kept to run later. Try again when you have signal.')).toBeInTheDocument();
    expect(screen.queryByText(/The search is waiting/)).not.toBeInTheDocument();
  });
});
