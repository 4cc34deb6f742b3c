import { describe, expect, it, vi } from 'vitest';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import { createServiceWorkerUpdates, type UpdateEnvironment } from './service-worker-updates';

function setUp() {
  let options: RegisterSWOptions = {};
  const updateSW = vi.fn(async () => undefined);
  const register = vi.fn((given: RegisterSWOptions) => {
    options = given;
    return updateSW;
  });
  const checks: (() => void)[] = [];
  const env: UpdateEnvironment & { online: boolean } = {
    online: true,
    reload: vi.fn(),
    every: (_ms, task) => void checks.push(task),
    isOnline: () => env.online,
  };
  const updates = createServiceWorkerUpdates(register, env);
  return { updates, register, updateSW, env, checks, options: () => options };
}

describe('service worker updates', () => {
  it('registers once, however often it is started', () => {
    const { updates, register } = setUp();
    updates.start();
    updates.start();
    expect(register).toHaveBeenCalledTimes(1);
  });

  it('says a new version is ready when one is waiting, and tells subscribers', () => {
    const { updates, options } = setUp();
    updates.start();
    const listener = vi.fn();
    updates.subscribe(listener);
    expect(updates.getSnapshot().needRefresh).toBe(false);
    options().onNeedRefresh!();
    expect(updates.getSnapshot().needRefresh).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('applies the update only when asked, then reloads once the new version controls the page', async () => {
    const { updates, options, updateSW, env } = setUp();
    updates.start();
    options().onNeedRefresh!();
    expect(updateSW).not.toHaveBeenCalled();
    await updates.applyUpdate();
    expect(updateSW).toHaveBeenCalledTimes(1);
    expect(env.reload).not.toHaveBeenCalled();
    options().onNeedReload!();
    expect(env.reload).toHaveBeenCalledTimes(1);
  });

  it('never reloads by itself when another window applied the update', async () => {
    const { updates, options, updateSW, env } = setUp();
    updates.start();
    options().onNeedReload!();
    expect(env.reload).not.toHaveBeenCalled();
    expect(updates.getSnapshot().needRefresh).toBe(true);
    // The new worker already controls this tab: Reload just reloads.
    await updates.applyUpdate();
    expect(updateSW).not.toHaveBeenCalled();
    expect(env.reload).toHaveBeenCalledTimes(1);
  });

  it('offers Reload, never reloading by itself, when a newer version upgraded the device database elsewhere', async () => {
    const { updates, updateSW, env } = setUp();
    updates.start();
    updates.newerVersionElsewhere();
    expect(updates.getSnapshot().needRefresh).toBe(true);
    expect(env.reload).not.toHaveBeenCalled();
    await updates.applyUpdate();
    expect(updateSW).not.toHaveBeenCalled();
    expect(env.reload).toHaveBeenCalledTimes(1);
  });

  it('checks for a new version now and then, only while online', () => {
    const { updates, options, checks, env } = setUp();
    updates.start();
    const update = vi.fn(async () => undefined);
    options().onRegisteredSW!('/sw.js', { update } as unknown as ServiceWorkerRegistration);
    expect(checks).toHaveLength(1);
    checks[0]!();
    env.online = false;
    checks[0]!();
    expect(update).toHaveBeenCalledTimes(1);
  });

  it('unsubscribes', () => {
    const { updates, options } = setUp();
    updates.start();
    const listener = vi.fn();
    updates.subscribe(listener)();
    options().onNeedRefresh!();
    expect(listener).not.toHaveBeenCalled();
  });
});
