// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { Suspense, useState } from 'react';
import { preloadable } from './preloadable';

afterEach(cleanup);

function Viewer({ text }: { text: string }) {
  // State that a remount would lose (as a PDF viewer's opened document).
  const [mountedAt] = useState(() => Math.random());
  return <p data-mounted-at={mountedAt}>{text}</p>;
}

describe('preloadable', () => {
  it('once preloaded, renders in the same pass: its Suspense fallback is never shown', async () => {
    const load = vi.fn(async () => Viewer);
    const viewer = preloadable(load);
    await viewer.preload();
    await viewer.preload();
    expect(load).toHaveBeenCalledTimes(1);
    render(
      <Suspense fallback={<p>Opening the plan</p>}>
        <viewer.Component text="Triggers" />
      </Suspense>,
    );
    // Synchronously, no await: React did not suspend.
    expect(screen.getByText('Triggers')).toBeInTheDocument();
    expect(screen.queryByText('Opening the plan')).toBeNull();
  });

  it('not yet loaded: suspends as React.lazy, then shows it, and a later render keeps it mounted', async () => {
    let release!: () => void;
    const viewer = preloadable(() => new Promise<typeof Viewer>((resolve) => (release = () => resolve(Viewer))));
    const view = (text: string) => (
      <Suspense fallback={<p>Opening the plan</p>}>
        <viewer.Component text={text} />
      </Suspense>
    );
    const { rerender } = render(view('Triggers'));
    expect(screen.getByText('Opening the plan')).toBeInTheDocument();
    await act(async () => release());
    const first = screen.getByText('Triggers').dataset.mountedAt;
    rerender(view('What helps'));
    expect(screen.getByText('What helps').dataset.mountedAt).toBe(first);
  });

  it('a failed load may be tried again', async () => {
    const load = vi.fn<() => Promise<typeof Viewer>>().mockRejectedValueOnce(new Error('chunk failed')).mockResolvedValueOnce(Viewer);
    const viewer = preloadable(load);
    await expect(viewer.preload()).rejects.toThrow('chunk failed');
    await expect(viewer.preload()).resolves.toBe(Viewer);
  });
});
