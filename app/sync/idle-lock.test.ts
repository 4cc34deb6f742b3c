import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIdleLock, DEFAULT_CALL_ARM_MS, type IdleLockReason } from './idle-lock';

const MINUTE = 60_000;
const LOCK_AFTER = 5 * MINUTE;
const CALL_GRACE = 10 * MINUTE;

/** A page: a window for activity and a document whose visibility the test sets. */
function page() {
  const events = new EventTarget();
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
  return {
    events,
    doc,
    touch: (type = 'pointerdown') => events.dispatchEvent(new Event(type)),
    hide: () => {
      doc.visibilityState = 'hidden';
      doc.dispatchEvent(new Event('visibilitychange'));
    },
    show: () => {
      doc.visibilityState = 'visible';
      doc.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

function setUp() {
  const p = page();
  const locks: IdleLockReason[] = [];
  const idle = createIdleLock({
    lockAfterMs: LOCK_AFTER,
    callGraceMs: CALL_GRACE,
    events: p.events as unknown as Window,
    visibility: p.doc as unknown as Document,
    onLock: (reason) => void locks.push(reason),
  });
  idle.start();
  return { ...p, idle, locks };
}

describe('idle lock', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-11-25T14:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('locks after the idle time with nobody touching the screen, once', () => {
    const { idle, locks } = setUp();
    vi.advanceTimersByTime(LOCK_AFTER - 1);
    expect(locks).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(locks).toEqual(['idle']);
    expect(idle.getSnapshot()).toMatchObject({ locked: true, running: false, reason: 'idle' });
    vi.advanceTimersByTime(LOCK_AFTER * 3);
    expect(locks).toEqual(['idle']);
  });

  it.each(['pointerdown', 'keydown', 'touchstart', 'wheel'])('counts %s as activity: the idle time starts again', (type) => {
    const { touch, locks } = setUp();
    vi.advanceTimersByTime(4 * MINUTE);
    touch(type);
    vi.advanceTimersByTime(4 * MINUTE);
    expect(locks).toEqual([]);
    vi.advanceTimersByTime(MINUTE);
    expect(locks).toEqual(['idle']);
  });

  it('does not count a scroll as someone using the tablet: the page scrolls by itself when content appears above', () => {
    const { touch, locks } = setUp();
    vi.advanceTimersByTime(4 * MINUTE);
    touch('scroll');
    vi.advanceTimersByTime(MINUTE);
    expect(locks).toEqual(['idle']);
  });

  it('does not count pointer movement alone as someone using the tablet', () => {
    const { touch, locks } = setUp();
    vi.advanceTimersByTime(4 * MINUTE);
    touch('pointermove');
    vi.advanceTimersByTime(MINUTE);
    expect(locks).toEqual(['idle']);
  });

  it('locks when the app was hidden longer than the idle time, on return even if no timer ran while hidden', () => {
    const { hide, show, locks, idle } = setUp();
    hide();
    // A hidden page's timers may not run at all: move the clock without running them.
    vi.setSystemTime(Date.now() + LOCK_AFTER + MINUTE);
    expect(locks).toEqual([]);
    show();
    expect(locks).toEqual(['hidden']);
    expect(idle.getSnapshot().locked).toBe(true);
  });

  it('locks while hidden when the timer does run', () => {
    const { hide, locks } = setUp();
    hide();
    vi.advanceTimersByTime(LOCK_AFTER);
    expect(locks).toEqual(['hidden']);
  });

  it('does not lock after a short time hidden, and counts hidden time as time untouched', () => {
    const { hide, show, locks } = setUp();
    vi.advanceTimersByTime(MINUTE);
    hide();
    vi.setSystemTime(Date.now() + 2 * MINUTE);
    show();
    expect(locks).toEqual([]);
    // 3 minutes untouched so far (1 on screen, 2 hidden): 2 more lock it.
    vi.advanceTimersByTime(2 * MINUTE - 1);
    expect(locks).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(locks).toEqual(['idle']);
  });

  it('a call hand-off may be hidden up to the call grace without locking, then gives the usual time from return', () => {
    const { idle, hide, show, locks } = setUp();
    idle.allowCall();
    hide();
    expect(idle.getSnapshot().inCall).toBe(true);
    vi.advanceTimersByTime(CALL_GRACE - MINUTE);
    expect(locks).toEqual([]);
    show();
    expect(locks).toEqual([]);
    expect(idle.getSnapshot().inCall).toBe(false);
    vi.advanceTimersByTime(LOCK_AFTER - 1);
    expect(locks).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(locks).toEqual(['idle']);
  });

  it('locks a call hand-off hidden beyond the call grace: while hidden if the timer runs', () => {
    const { idle, hide, locks } = setUp();
    idle.allowCall();
    hide();
    vi.advanceTimersByTime(CALL_GRACE - 1);
    expect(locks).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(locks).toEqual(['call-too-long']);
  });

  it('locks a call hand-off hidden beyond the call grace: on return if no timer ran', () => {
    const { idle, hide, show, locks } = setUp();
    idle.allowCall();
    hide();
    vi.setSystemTime(Date.now() + CALL_GRACE + 1);
    show();
    expect(locks).toEqual(['call-too-long']);
  });

  it('uses the call grace once: the next hide without a new tap follows the idle time', () => {
    const { idle, hide, show, locks } = setUp();
    idle.allowCall();
    hide();
    vi.setSystemTime(Date.now() + 8 * MINUTE);
    show();
    expect(locks).toEqual([]);
    hide();
    vi.advanceTimersByTime(LOCK_AFTER);
    expect(locks).toEqual(['hidden']);
  });

  it('spends the grace on the first hide even when the crew glance back at once', () => {
    const { idle, hide, show, locks } = setUp();
    idle.allowCall();
    hide();
    vi.advanceTimersByTime(1_000);
    show();
    hide();
    expect(idle.getSnapshot().inCall).toBe(false);
    vi.advanceTimersByTime(LOCK_AFTER);
    expect(locks).toEqual(['hidden']);
  });

  it('a new tap before the next call gives a new grace', () => {
    const { idle, hide, show, locks } = setUp();
    idle.allowCall();
    hide();
    vi.setSystemTime(Date.now() + 8 * MINUTE);
    show();
    idle.allowCall();
    hide();
    vi.setSystemTime(Date.now() + 8 * MINUTE);
    show();
    expect(locks).toEqual([]);
  });

  it('a tap on a number that is not followed by a hide soon does not excuse a later one', () => {
    const { idle, hide, locks } = setUp();
    idle.allowCall();
    vi.advanceTimersByTime(DEFAULT_CALL_ARM_MS + 1);
    hide();
    expect(idle.getSnapshot().inCall).toBe(false);
    vi.advanceTimersByTime(LOCK_AFTER);
    expect(locks).toEqual(['hidden']);
  });

  it('a tap on the screen after the tap on a number (the call was cancelled) spends the grace', () => {
    const { idle, touch, hide, locks } = setUp();
    idle.allowCall();
    touch('pointerdown');
    hide();
    vi.advanceTimersByTime(LOCK_AFTER);
    expect(locks).toEqual(['hidden']);
  });

  it('never gives a call less time hidden than no tap would, when the grace is set below the idle time', () => {
    const p = page();
    const locks: IdleLockReason[] = [];
    const idle = createIdleLock({ lockAfterMs: LOCK_AFTER, callGraceMs: 2 * MINUTE, events: p.events as unknown as Window, visibility: p.doc as unknown as Document, onLock: (r) => void locks.push(r) });
    idle.start();
    idle.allowCall();
    p.hide();
    vi.advanceTimersByTime(LOCK_AFTER - 1);
    expect(locks).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(locks).toEqual(['call-too-long']);
  });

  it('stop() stops watching; start() after an unlock gives the full time again', () => {
    const { idle, touch, locks } = setUp();
    idle.stop();
    vi.advanceTimersByTime(LOCK_AFTER * 2);
    expect(locks).toEqual([]);
    idle.start();
    vi.advanceTimersByTime(LOCK_AFTER);
    expect(locks).toEqual(['idle']);
    // Locked: activity does not count, and nothing locks again until start().
    touch();
    vi.advanceTimersByTime(LOCK_AFTER);
    expect(locks).toEqual(['idle']);
    idle.start();
    expect(idle.getSnapshot()).toMatchObject({ locked: false, running: true });
    vi.advanceTimersByTime(LOCK_AFTER - 1);
    expect(locks).toEqual(['idle']);
    vi.advanceTimersByTime(1);
    expect(locks).toEqual(['idle', 'idle']);
  });

  it('tells subscribers when it locks', () => {
    const { idle } = setUp();
    const heard = vi.fn();
    idle.subscribe(heard);
    vi.advanceTimersByTime(LOCK_AFTER);
    expect(heard).toHaveBeenCalled();
    expect(idle.getSnapshot().locked).toBe(true);
  });
});
