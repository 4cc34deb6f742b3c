import { lazy, type ComponentType, type JSX } from 'react';

export interface Preloadable<P extends object> {
  /** Renders the component: at once when it has loaded, else suspending until it has. */
  readonly Component: (props: P) => JSX.Element;
  /** Starts loading it (once); a failed load may be tried again. */
  readonly preload: () => Promise<ComponentType<P>>;
}

/**
 * A component in a chunk of its own that can be asked to load before it is needed (issue 13
 * point 1: the plan viewer loads while the plan is fetched). Once loaded it renders in the same
 * pass, with no Suspense fallback: a boundary that has shown its fallback reveals what replaces it
 * no sooner than 300 ms later (React's fallback throttle), which alone cost the first plan about
 * 150 ms. Until then it behaves as `React.lazy`, inside the caller's Suspense boundary.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const Lazy = lazy(async () => ({ default: await preload() }));
  function Component(props: P): JSX.Element {
    // Never the lazy wrapper once loaded: `loaded` is set before the wrapper resolves, so the
    // retry after a suspension already renders the component itself, and it is never swapped
    // under a mounted viewer (which would lose what it holds: an opened PDF, its zoom).
    const Chosen = loaded ?? Lazy;
    return <Chosen {...props} />;
  }
  return { Component, preload };
}
