// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { NhsNumber } from '../../domain/nhs-number';
import { RuntimeProvider } from '../../runtime/runtime-context';
import type { CachedLookupSummary } from '../../storage/plan-cache';
import { NO_NATIONAL_SERVICES, testRuntime } from '../../test-support/runtime';
import { FIRST_SAVED_SHOWN, SavedOnDevice } from './saved-on-device';

const HOUR = 3_600_000;
const summary = (nhsNumber: string, name: string, hoursAgo: number): CachedLookupSummary => ({
  nhsNumber: nhsNumber as NhsNumber,
  name,
  birthDate: '1980-01-01',
  retrievedAt: new Date(Date.now() - hoursAgo * HOUR).toISOString(),
  expiresAt: new Date(Date.now() + HOUR).toISOString(),
  hasCrisisPlan: true,
});

describe('SavedOnDevice (issue 9 point 5)', () => {
  it('flags a copy past the staleness threshold in the list itself, and only that one', async () => {
    const runtime = testRuntime(NO_NATIONAL_SERVICES, { policy: { staleAfterHours: 12, retentionHours: 24 } });
    vi.mocked(runtime.plans.list).mockResolvedValue([summary('9990000018', 'Amelia CROSSLEY', 13), summary('9990000026', 'Robin ALDERSEY', 2)]);
    render(
      <RuntimeProvider runtime={runtime}>
        <QueryClientProvider client={new QueryClient()}>
          <SavedOnDevice onOpen={() => undefined} />
        </QueryClientProvider>
      </RuntimeProvider>,
    );
    const list = await screen.findByRole('list', { name: 'Saved on this device' });
    const [old, fresh] = within(list).getAllByRole('button');
    expect(old).toHaveTextContent('Amelia CROSSLEY');
    expect(old).toHaveTextContent('May be out of date');
    expect(fresh).toHaveTextContent('Robin ALDERSEY');
    expect(fresh).not.toHaveTextContent('May be out of date');
  });

  it('opens only the newest plans at start, and the rest when asked', async () => {
    const runtime = testRuntime(NO_NATIONAL_SERVICES);
    const all = Array.from({ length: 25 }, (_, i) => summary(`99900000${String(i).padStart(2, '0')}`, `Person ${i}`, i));
    vi.mocked(runtime.plans.list).mockImplementation(async (_now, limit = Infinity) => all.slice(0, limit));
    vi.mocked(runtime.plans.count).mockResolvedValue(all.length);
    render(
      <RuntimeProvider runtime={runtime}>
        <QueryClientProvider client={new QueryClient()}>
          <SavedOnDevice onOpen={() => undefined} />
        </QueryClientProvider>
      </RuntimeProvider>,
    );
    const list = await screen.findByRole('list', { name: 'Saved on this device' });
    expect(within(list).getAllByRole('button')).toHaveLength(FIRST_SAVED_SHOWN);
    expect(runtime.plans.list).toHaveBeenCalledWith(expect.any(Date), FIRST_SAVED_SHOWN);
    (await screen.findByRole('button', { name: 'Show all 25 saved plans' })).click();
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Saved on this device' })).getAllByRole('button')).toHaveLength(25), { timeout: 10_000 });
    expect(screen.queryByRole('button', { name: /^Show all/ })).not.toBeInTheDocument();
    // 45 list items drawn in jsdom: seconds on a loaded 2-core machine, not a hang.
  }, 20_000);

  it('reads storage only after the frame that shows it has been painted (issue 13)', async () => {
    const runtime = testRuntime(NO_NATIONAL_SERVICES);
    vi.mocked(runtime.plans.list).mockResolvedValue([summary('9990000018', 'Amelia CROSSLEY', 1)]);
    const frames: FrameRequestCallback[] = [];
    const requestFrame = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    render(
      <RuntimeProvider runtime={runtime}>
        <QueryClientProvider client={new QueryClient()}>
          <SavedOnDevice onOpen={() => undefined} />
        </QueryClientProvider>
      </RuntimeProvider>,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runtime.plans.list).not.toHaveBeenCalled();
    expect(frames).toHaveLength(1);
    frames[0]!(performance.now());
    await screen.findByRole('list', { name: 'Saved on this device' });
    expect(runtime.plans.list).toHaveBeenCalledTimes(1);
    requestFrame.mockRestore();
  });
});
