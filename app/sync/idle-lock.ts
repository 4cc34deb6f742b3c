/**
 * When the clinical screens lock (issue 11 point 2 and 3): after `lockAfterMs` with nobody
 * touching the tablet, counting time the app spent hidden as time untouched, so a tablet left in
 * the cab or switched to another app locks as surely as one left open. Timers are throttled or
 * stopped while a page is hidden, so the rule is checked again the moment it comes back.
 *
 * A tap on a crisis team's number hands the crew to the phone's dialler: `allowCall()` lets that
 * one hand-off keep the page hidden up to `callGraceMs` without locking, so a long call does not
 * lock the crew out of the plan they are reading from. Like OpenCRVS's lock bypass for its file
 * picker, it is armed by the action itself, just before the page is hidden, and expires if the
 * page is not hidden soon (`callArmMs`) or the crew touch the screen instead; unlike a plain flag,
 * it also bounds how long the page may stay hidden, and it is spent by that one hand-off: the next
 * hide without a new tap follows `lockAfterMs`.
 *
 * Uses `setTimeout` and `Date` (through `now`) only, so fake timers and Playwright's clock drive it.
 */

/**
 * The events that mean someone is using the tablet. Not `scroll`: the page scrolls by itself too
 * (the answer brought into view when a queued search runs, the browser keeping the text in place
 * when an update prompt or a banner appears above it), and a tablet left alone must still lock.
 * A person scrolling starts with a touch, a wheel, a key or a pointer on the scroll bar.
 */
export const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
/** Activity that means the crew came back to the screen instead of making a call: it spends an armed call grace. */
const DELIBERATE_EVENTS: ReadonlySet<string> = new Set(['pointerdown', 'keydown', 'touchstart']);

/** How long after a tap on a number the page must be hidden for the call grace to apply. */
export const DEFAULT_CALL_ARM_MS = 30_000;

export type IdleLockReason = 'idle' | 'hidden' | 'call-too-long';

export interface IdleLockState {
  /** Watching for inactivity (between start() and stop() or a lock). */
  readonly running: boolean;
  readonly locked: boolean;
  /** Why it last locked, for the unlock screen or a log. */
  readonly reason: IdleLockReason | undefined;
  /** The page is hidden for a call within its grace. */
  readonly inCall: boolean;
}

type Listen = Pick<Window, 'addEventListener' | 'removeEventListener'>;

export interface IdleLockOptions {
  readonly lockAfterMs: number;
  readonly callGraceMs: number;
  /** How long an `allowCall()` waits for the page to be hidden (default 30 s). */
  readonly callArmMs?: number;
  /** Milliseconds since the epoch (default `Date.now`). */
  readonly now?: () => number;
  /** Where activity is heard (default `window`). */
  readonly events?: Listen;
  /** Where visibility is read and heard (default `document`). */
  readonly visibility?: Listen & { readonly visibilityState: DocumentVisibilityState };
  /** Cover the screen and drop keys (the caller does; it is called once per lock). */
  readonly onLock: (reason: IdleLockReason) => void;
}

export interface IdleLock {
  /** Starts watching from now as if just touched (after sign-in, PIN set or unlock). Clears a lock. */
  start(): void;
  /** Stops watching (sign-out, demo mode, or the unlock screen is shown). */
  stop(): void;
  /** Someone used the app (the listeners call this too). */
  activity(): void;
  /** A tap on a tel: link: the coming hide may last up to `callGraceMs` (never less than `lockAfterMs`), once. */
  allowCall(): void;
  getSnapshot(): IdleLockState;
  subscribe(listener: () => void): () => void;
}

export function createIdleLock(options: IdleLockOptions): IdleLock {
  const { lockAfterMs, callGraceMs, onLock } = options;
  const callArmMs = options.callArmMs ?? DEFAULT_CALL_ARM_MS;
  const now = options.now ?? (() => Date.now());
  const events: Listen = options.events ?? window;
  const visibility = options.visibility ?? document;
  const listeners = new Set<() => void>();

  let state: IdleLockState = { running: false, locked: false, reason: undefined, inCall: false };
  let lastActivity = 0;
  /** An allowCall() not yet used: the page must be hidden before this instant. */
  let callArmedUntil: number | undefined;
  /** The page is hidden for a call and must be back by this instant. */
  let callDeadline: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function set(next: Partial<IdleLockState>) {
    state = { ...state, ...next };
    listeners.forEach((listener) => listener());
  }

  const hidden = () => visibility.visibilityState === 'hidden';

  function clearTimer() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  /** One timer, at the next instant a rule could lock; activity moves `lastActivity` only, so a burst of wheel events costs nothing. */
  function schedule() {
    clearTimer();
    if (!state.running) return;
    const due = callDeadline ?? lastActivity + lockAfterMs;
    timer = setTimeout(check, Math.max(0, due - now()));
  }

  function check() {
    timer = undefined;
    if (!state.running) return;
    const at = now();
    if (callDeadline !== undefined) {
      if (at >= callDeadline) return lock('call-too-long');
    } else if (at - lastActivity >= lockAfterMs) {
      return lock(hidden() ? 'hidden' : 'idle');
    }
    schedule();
  }

  function lock(reason: IdleLockReason) {
    detach();
    clearTimer();
    callArmedUntil = undefined;
    callDeadline = undefined;
    set({ running: false, locked: true, reason, inCall: false });
    onLock(reason);
  }

  function onActivityEvent(event: Event) {
    if (DELIBERATE_EVENTS.has(event.type)) callArmedUntil = undefined;
    activity();
  }

  function activity() {
    if (!state.running || hidden()) return;
    lastActivity = now();
  }

  function onVisibilityChange() {
    if (!state.running) return;
    const at = now();
    if (hidden()) {
      if (callArmedUntil !== undefined && at <= callArmedUntil) {
        // A tap on a number never gives less time than not tapping would (a grace set below the idle time).
        callDeadline = at + Math.max(callGraceMs, lockAfterMs);
        set({ inCall: true });
      }
      callArmedUntil = undefined;
      schedule();
      return;
    }
    // Back on screen: the timer may not have run while hidden.
    if (callDeadline !== undefined) {
      if (at > callDeadline) return lock('call-too-long');
      // Back from the call in time: the grace is spent, and the crew have the usual time from now.
      callDeadline = undefined;
      lastActivity = at;
      set({ inCall: false });
      schedule();
      return;
    }
    if (at - lastActivity >= lockAfterMs) return lock('hidden');
    schedule();
  }

  let attached = false;
  function attach() {
    if (attached) return;
    attached = true;
    for (const type of ACTIVITY_EVENTS) events.addEventListener(type, onActivityEvent, { capture: true, passive: true });
    visibility.addEventListener('visibilitychange', onVisibilityChange);
  }
  function detach() {
    if (!attached) return;
    attached = false;
    for (const type of ACTIVITY_EVENTS) events.removeEventListener(type, onActivityEvent, { capture: true });
    visibility.removeEventListener('visibilitychange', onVisibilityChange);
  }

  return {
    start() {
      lastActivity = now();
      callArmedUntil = undefined;
      callDeadline = undefined;
      attach();
      set({ running: true, locked: false, reason: undefined, inCall: false });
      schedule();
    },
    stop() {
      detach();
      clearTimer();
      callArmedUntil = undefined;
      callDeadline = undefined;
      set({ running: false, inCall: false });
    },
    activity,
    allowCall() {
      if (!state.running) return;
      callArmedUntil = now() + callArmMs;
    },
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
