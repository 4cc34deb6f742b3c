// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MARIGOLD } from '../../test-support/storage';
import { createExternalStore } from '../../sync/external-store';
import type { TrainerTools as DemoTrainerTools } from '../../sync/trainer-tools';
import { LookupScreen } from '../../frame/lookup-screen';
import { SAVED_ON_DEVICE_KEY } from '../../queries/saved-on-device-key';
import { RuntimeProvider, type Runtime } from '../../runtime/runtime-context';
import { NO_NATIONAL_SERVICES, testRuntime } from '../../test-support/runtime';
import { TrainerTools } from './trainer-tools';

const services = NO_NATIONAL_SERVICES;

/** Trainer tools whose reset finishes only when the test says so. */
function fakeTrainer() {
  const noSignal = createExternalStore(false);
  let finish: (outcome: 'done' | Error) => void = () => undefined;
  const reset = vi.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        finish = (outcome) => {
          if (outcome === 'done') {
            noSignal.set(false);
            resolve();
          } else {
            reject(outcome);
          }
        };
      }),
  );
  const trainer: DemoTrainerTools = { noSignal, reset };
  return { trainer, noSignal, reset, finish: (outcome: 'done' | Error) => finish(outcome) };
}

function renderTools(trainer: DemoTrainerTools) {
  const runtime = testRuntime(services, { mode: 'demo', trainer });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const onReset = vi.fn();
  render(
    <RuntimeProvider runtime={runtime}>
      <QueryClientProvider client={queryClient}>
        <TrainerTools trainer={trainer} onReset={onReset} />
      </QueryClientProvider>
    </RuntimeProvider>,
  );
  return { runtime, queryClient, onReset, tools: screen.getByRole('region', { name: 'Trainer tools' }) };
}

describe('TrainerTools: Simulate no signal', () => {
  it('is a labelled checkbox that switches the demo’s signal off and on', async () => {
    const { trainer, noSignal } = fakeTrainer();
    const { tools } = renderTools(trainer);
    const box = within(tools).getByRole('checkbox', { name: 'Simulate no signal' });
    expect(box).not.toBeChecked();
    expect(box).toHaveAccessibleDescription(/the Offline banner shows, saved plans open from this device and new searches wait/);

    await userEvent.click(box);
    expect(noSignal.getSnapshot()).toBe(true);
    expect(box).toBeChecked();
    await userEvent.click(box);
    expect(noSignal.getSnapshot()).toBe(false);
    expect(box).not.toBeChecked();
  });
});

describe('TrainerTools: Reset demo', () => {
  it('asks first, and Cancel leaves the demo as it was', async () => {
    const { trainer, reset } = fakeTrainer();
    const { tools } = renderTools(trainer);
    await userEvent.click(within(tools).getByRole('button', { name: 'Reset demo' }));
    const confirm = within(tools).getByRole('group', { name: 'Reset the demo?' });
    expect(confirm).toHaveClass('nhsuk-card--warning');
    expect(confirm).toHaveTextContent('saved plans, searches waiting for signal and the records of who looked at which demo patient');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(reset).not.toHaveBeenCalled();
    expect(within(tools).getByRole('button', { name: 'Reset demo' })).toBeInTheDocument();
  });

  it('says the demo has been reset only once it has, with the switch off and nothing of the session left in memory', async () => {
    const { trainer, noSignal, reset, finish } = fakeTrainer();
    const { tools, runtime, queryClient, onReset } = renderTools(trainer);
    noSignal.set(true);
    runtime.queuedResults.set([{ nhsNumber: MARIGOLD, outcome: 'failed', error: new Error('no signal') }]);
    queryClient.setQueryData(['patient', MARIGOLD], { name: 'from the session' });
    queryClient.setQueryData(SAVED_ON_DEVICE_KEY, { plans: [], waiting: [] });

    await userEvent.click(within(tools).getByRole('button', { name: 'Reset demo' }));
    await userEvent.click(within(tools).getByRole('button', { name: 'Yes, reset the demo' }));
    expect(reset).toHaveBeenCalledTimes(1);
    expect(within(tools).getByRole('button', { name: 'Yes, reset the demo' })).toBeDisabled();
    expect(within(tools).queryByRole('status')).toBeNull();
    expect(onReset).not.toHaveBeenCalled();

    finish('done');
    expect(await within(tools).findByRole('status')).toHaveTextContent('The demo has been reset.');
    expect(within(tools).getByRole('checkbox', { name: 'Simulate no signal' })).not.toBeChecked();
    expect(runtime.queuedResults.getSnapshot()).toEqual([]);
    expect(queryClient.getQueryData(['patient', MARIGOLD])).toBeUndefined();
    expect(onReset).toHaveBeenCalledTimes(1);
    // The saved list is read again from the (now empty) device, not dropped.
    expect(queryClient.getQueryState(SAVED_ON_DEVICE_KEY)?.isInvalidated).toBe(true);
  });

  it('says so when the demo could not be reset, and never that it was', async () => {
    const { trainer, noSignal, finish } = fakeTrainer();
    const { tools, onReset } = renderTools(trainer);
    noSignal.set(true);
    await userEvent.click(within(tools).getByRole('button', { name: 'Reset demo' }));
    await userEvent.click(within(tools).getByRole('button', { name: 'Yes, reset the demo' }));
    finish(new Error('database blocked'));
    expect(await within(tools).findByRole('alert')).toHaveTextContent('The demo could not be reset. Reload the app and try again.');
    expect(within(tools).queryByText('The demo has been reset.')).toBeNull();
    expect(within(tools).getByRole('checkbox', { name: 'Simulate no signal' })).toBeChecked();
    expect(onReset).not.toHaveBeenCalled();
  });
});

describe('TrainerTools on the lookup screen', () => {
  function renderPage(runtime: Runtime) {
    render(
      <RuntimeProvider runtime={runtime}>
        <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
          <LookupScreen />
        </QueryClientProvider>
      </RuntimeProvider>,
    );
  }

  it('are there in demo mode', async () => {
    renderPage(testRuntime(services, { mode: 'demo', trainer: fakeTrainer().trainer }));
    expect(await screen.findByRole('region', { name: 'Trainer tools' })).toBeInTheDocument();
  });

  it('are never shown in live mode, even if the tools were wired by mistake', async () => {
    renderPage(testRuntime(services, { mode: 'live', trainer: fakeTrainer().trainer }));
    expect(await screen.findByRole('heading', { name: 'Saved on this device' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Trainer tools' })).toBeNull();
    expect(screen.queryByRole('checkbox', { name: 'Simulate no signal' })).toBeNull();
  });
});
