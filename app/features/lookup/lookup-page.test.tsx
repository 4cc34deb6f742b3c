// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { NhsNumber } from '../../domain/nhs-number';
import { RuntimeProvider } from '../../runtime/runtime-context';
import { NO_NATIONAL_SERVICES, testRuntime } from '../../test-support/runtime';
import { LookupPage } from './lookup-page';

function renderPage() {
  const runtime = testRuntime({ ...NO_NATIONAL_SERVICES, pds: { ...NO_NATIONAL_SERVICES.pds, getPatient: vi.fn(() => new Promise<never>(() => undefined)) } });
  render(
    <RuntimeProvider runtime={runtime}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <LookupPage
          saved={() => null}
          findPerson={({ onChoose }) => (
            <button type="button" onClick={() => onChoose('9990000018' as NhsNumber, 'national')}>
              Stand-in: choose a person
            </button>
          )}
        />
      </QueryClientProvider>
    </RuntimeProvider>,
  );
  return runtime;
}

describe('LookupPage: the two ways to find a person (issue 12)', () => {
  it('starts on the NHS number, its box focused, and switches to the search by details', async () => {
    renderPage();
    expect(screen.getByRole('button', { name: 'NHS number' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByLabelText('NHS number')).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Stand-in: choose a person' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Name and date of birth' }));
    expect(screen.getByRole('button', { name: 'Name and date of birth' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByLabelText('NHS number')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Stand-in: choose a person' })).toBeVisible();
  });

  it('looks the chosen person up by their NHS number, as if it were typed', async () => {
    const runtime = renderPage();
    await userEvent.click(screen.getByRole('button', { name: 'Name and date of birth' }));
    await userEvent.click(screen.getByRole('button', { name: 'Stand-in: choose a person' }));
    expect(screen.getByRole('button', { name: 'NHS number' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByLabelText('NHS number')).toHaveValue('999 000 0018');
    // Once the answer's code has loaded (its own chunk: lookup-result-views.ts).
    await vi.waitFor(() => expect(runtime.services.pds.getPatient).toHaveBeenCalledWith('9990000018', expect.anything()));
    // The search waits, hidden, for the crew to come back to it.
    expect(screen.getByRole('button', { name: 'Stand-in: choose a person', hidden: true })).not.toBeVisible();
  });
});
