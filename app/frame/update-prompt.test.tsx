// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createExternalStore } from '../sync/external-store';
import type { ServiceWorkerUpdates, ServiceWorkerUpdatesSnapshot } from '../sync/service-worker-updates';
import { UpdatePrompt } from './update-prompt';

function fakeUpdates() {
  const store = createExternalStore<ServiceWorkerUpdatesSnapshot>({ needRefresh: false });
  const applyUpdate = vi.fn(async () => undefined);
  const updates: ServiceWorkerUpdates = { subscribe: store.subscribe, getSnapshot: store.getSnapshot, applyUpdate };
  return { updates, applyUpdate, waiting: () => act(() => store.set({ needRefresh: true })) };
}

describe('UpdatePrompt', () => {
  it('says nothing while no new version is waiting', () => {
    const { updates } = fakeUpdates();
    render(<UpdatePrompt updates={updates} />);
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('offers a Reload when a new version is waiting, and reloads only when pressed', async () => {
    const { updates, applyUpdate, waiting } = fakeUpdates();
    render(<UpdatePrompt updates={updates} />);
    waiting();
    const banner = screen.getByRole('region', { name: 'Update' });
    expect(banner).toHaveTextContent('A new version is ready');
    expect(banner).toHaveTextContent('The app will not reload by itself.');
    expect(applyUpdate).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(applyUpdate).toHaveBeenCalledTimes(1);
  });

  it('is announced politely, without taking focus from the crew', () => {
    const { updates, waiting } = fakeUpdates();
    const { container } = render(
      <>
        <input aria-label="NHS number" autoFocus />
        <UpdatePrompt updates={updates} />
      </>,
    );
    const live = container.querySelector('[aria-live="polite"]');
    expect(live).not.toBeNull();
    waiting();
    expect(live).toContainElement(screen.getByRole('region', { name: 'Update' }));
    expect(screen.getByLabelText('NHS number')).toHaveFocus();
  });
});
