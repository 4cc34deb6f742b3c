import { describe, expect, it, vi } from 'vitest';
import type { SignedInPerson } from '../domain/signed-in-person';
import { SignInError, type SessionSnapshot, type SignInService } from '../services/sign-in-service';
import { testPerson } from '../test-support/session';
import { createExternalStore } from './external-store';
import { createSessionControl, type PersonOnDevice } from './session-control';
import type { ClinicalLockState } from '../storage/clinical-lock';

const PARAMEDIC = testPerson(['paramedic']);
const OTHER = testPerson(['paramedic'], { id: '555000999888', name: 'Robin Other-Paramedic' });
const NOW = new Date('2026-12-05T03:00:00.000Z');

function fakeSignIn(options: { callback?: boolean; person?: SignedInPerson; again?: SignedInPerson } = {}) {
  const store = createExternalStore<SessionSnapshot>({ state: 'signed-out' });
  const signedIn = (person: SignedInPerson) => store.set({ state: 'signed-in', person, expiresAt: '2026-12-05T04:00:00.000Z' });
  const service: SignInService & { store: typeof store } = {
    store,
    isCallback: () => options.callback ?? false,
    completeSignIn: vi.fn(async () => {
      signedIn(options.person ?? PARAMEDIC);
      return { person: options.person ?? PARAMEDIC, returnTo: '/history' };
    }),
    signIn: vi.fn(async () => undefined),
    signInAgain: vi.fn(async () => {
      signedIn(options.again ?? PARAMEDIC);
      return options.again ?? PARAMEDIC;
    }),
    signOut: vi.fn(async () => store.set({ state: 'signed-out' })),
    accessToken: () => undefined,
    markExpired: () => undefined,
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
  };
  return service;
}

function fakeDevice(owner: string | undefined = undefined, remembered: SignedInPerson | undefined = undefined) {
  const calls: string[] = [];
  let release: () => void = () => undefined;
  const device: PersonOnDevice & { calls: string[]; holdClaim: () => void; releaseClaim: () => void; held: boolean } = {
    calls,
    held: false,
    holdClaim() {
      device.held = true;
    },
    releaseClaim: () => release(),
    claimFor: vi.fn(async (personId: string) => {
      calls.push(`claim ${personId}`);
      if (device.held) await new Promise<void>((resolve) => (release = resolve));
      const wiped = owner !== undefined && owner !== personId;
      owner = personId;
      return { wiped };
    }),
    remember: vi.fn(async (person: SignedInPerson) => void calls.push(`remember ${person.id}`)),
    resume: vi.fn(async () => remembered),
    signOutWipe: vi.fn(async () => void calls.push('wipe')),
  };
  return device;
}

function fakeLock(initial: ClinicalLockState['state'] = 'unlocked', pin = '284619') {
  const store = createExternalStore<ClinicalLockState>(initial === 'locked' ? { state: 'locked', triesLeft: 5 } : { state: initial });
  return {
    ...store,
    ready: vi.fn(async () => undefined),
    setPin: vi.fn(async () => store.set({ state: 'unlocked' })),
    unlock: vi.fn(async (given: string) => {
      if (given === pin) {
        store.set({ state: 'unlocked' });
        return 'unlocked' as const;
      }
      return 'wrong' as const;
    }),
    lock: vi.fn(() => store.set({ state: 'locked', triesLeft: 5 })),
  };
}

function setup(signIn: ReturnType<typeof fakeSignIn>, device: ReturnType<typeof fakeDevice>, online = true, lock = fakeLock()) {
  const replaced: string[] = [];
  const onPersonChanged = vi.fn();
  const onSignedInAgain = vi.fn();
  const control = createSessionControl({
    signIn,
    device,
    lock,
    offlineSessionHours: 12,
    location: { href: () => 'https://crl.example/auth/callback?code=c&state=s', path: () => '/history', replace: (path) => void replaced.push(path) },
    isOnline: () => online,
    onPersonChanged,
    onSignedInAgain,
    now: () => NOW,
  });
  return { control, replaced, onPersonChanged, onSignedInAgain, lock };
}

describe('createSessionControl (issue 10)', () => {
  it('completes a sign-in callback, claims the device for the person and remembers them before showing them, then returns to where they were', async () => {
    const signIn = fakeSignIn({ callback: true });
    const device = fakeDevice();
    device.holdClaim();
    const { control, replaced } = setup(signIn, device);
    const starting = control.start();
    await vi.waitFor(() => expect(device.calls).toEqual([`claim ${PARAMEDIC.id}`]));
    // The provider has answered, but the device is not settled yet: nobody is shown as signed in.
    expect(control.getSnapshot().session.state).toBe('signed-out');
    device.releaseClaim();
    await starting;
    expect(device.calls).toEqual([`claim ${PARAMEDIC.id}`, `remember ${PARAMEDIC.id}`]);
    expect(device.remember).toHaveBeenCalledWith(PARAMEDIC, new Date('2026-12-05T15:00:00.000Z'));
    expect(control.getSnapshot().session).toMatchObject({ state: 'signed-in', person: PARAMEDIC });
    expect(replaced).toEqual(['/history']);
  });

  it('says why a callback failed, and never replays it', async () => {
    const signIn = fakeSignIn({ callback: true });
    vi.mocked(signIn.completeSignIn).mockRejectedValueOnce(new SignInError('callback-invalid', 'state mismatch'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const device = fakeDevice();
    const { control, replaced } = setup(signIn, device);
    await control.start();
    expect(control.getSnapshot()).toMatchObject({ failure: 'callback-invalid', busy: false, session: { state: 'signed-out' } });
    expect(device.claimFor).not.toHaveBeenCalled();
    expect(replaced).toEqual(['/']);
  });

  it('a tablet started with no signal asks for the shift PIN, then resumes the remembered person for saved copies', async () => {
    const device = fakeDevice(PARAMEDIC.id, PARAMEDIC);
    const { control } = setup(fakeSignIn(), device, false, fakeLock('locked'));
    await control.start();
    expect(control.getSnapshot()).toMatchObject({ offlineUnlock: true, session: { state: 'signed-out' } });
    expect(device.resume).not.toHaveBeenCalled();
    expect(await control.unlock('000000')).toBe('wrong');
    expect(control.getSnapshot().session.state).toBe('signed-out');
    expect(await control.unlock('284619')).toBe('unlocked');
    expect(control.getSnapshot().session).toMatchObject({ state: 'offline', person: PARAMEDIC });
  });

  it('with signal, offers the saved copies behind the PIN but asks for sign-in first', async () => {
    const { control } = setup(fakeSignIn(), fakeDevice(PARAMEDIC.id, PARAMEDIC), true, fakeLock('locked'));
    await control.start();
    expect(control.getSnapshot()).toMatchObject({ session: { state: 'signed-out' }, offlineAvailable: true, offlineUnlock: false });
    control.continueOffline();
    expect(control.getSnapshot().offlineUnlock).toBe(true);
    await control.unlock('284619');
    expect(control.getSnapshot().session).toMatchObject({ state: 'offline', person: PARAMEDIC });
  });

  it('after sign-in, the person is remembered for an offline start only once their PIN has opened the clinical key', async () => {
    const device = fakeDevice();
    const lock = fakeLock('no-pin');
    const { control } = setup(fakeSignIn({ callback: true }), device, true, lock);
    await control.start();
    expect(device.calls).toEqual([`claim ${PARAMEDIC.id}`]);
    await control.setPin('284619');
    expect(device.calls).toEqual([`claim ${PARAMEDIC.id}`, `remember ${PARAMEDIC.id}`]);
  });

  it('locking drops the keys and tells the screens to forget patients', async () => {
    const lock = fakeLock('unlocked');
    const onLocked = vi.fn();
    const control = createSessionControl({
      signIn: fakeSignIn(),
      device: fakeDevice(),
      lock,
      onLocked,
      offlineSessionHours: 12,
      location: { href: () => '/', path: () => '/', replace: () => undefined },
      isOnline: () => true,
      onPersonChanged: () => undefined,
      onSignedInAgain: () => undefined,
    });
    control.lockNow();
    expect(lock.lock).toHaveBeenCalled();
    expect(onLocked).toHaveBeenCalled();
    expect(control.getSnapshot().lock.state).toBe('locked');
  });

  it('when someone else signs in again, the last person’s patients go before the new person is shown, and stopped searches run again', async () => {
    const signIn = fakeSignIn({ again: OTHER });
    const device = fakeDevice(PARAMEDIC.id);
    const { control, onPersonChanged, onSignedInAgain } = setup(signIn, device);
    control.signInAgain();
    await vi.waitFor(() => expect(onSignedInAgain).toHaveBeenCalled());
    expect(onPersonChanged).toHaveBeenCalledTimes(1);
    expect(control.getSnapshot()).toMatchObject({ personChanged: true, session: { person: OTHER } });
  });

  it('signing in again as the same person keeps their saved patients', async () => {
    const device = fakeDevice(PARAMEDIC.id);
    const { control, onPersonChanged, onSignedInAgain } = setup(fakeSignIn(), device);
    control.signInAgain();
    await vi.waitFor(() => expect(onSignedInAgain).toHaveBeenCalled());
    expect(onPersonChanged).not.toHaveBeenCalled();
    expect(control.getSnapshot().personChanged).toBe(false);
  });

  it('signing out clears the device first, then ends the provider session', async () => {
    const signIn = fakeSignIn({ callback: true });
    const device = fakeDevice();
    const { control } = setup(signIn, device);
    await control.start();
    control.signOut();
    await vi.waitFor(() => expect(signIn.signOut).toHaveBeenCalled());
    expect(device.calls.at(-1)).toBe('wipe');
    expect(vi.mocked(device.signOutWipe).mock.invocationCallOrder[0]!).toBeLessThan(vi.mocked(signIn.signOut).mock.invocationCallOrder[0]!);
  });

  it('signing out with no signal still clears the device, signs out here only, and says the provider was not told', async () => {
    const signIn = fakeSignIn({ callback: true });
    const device = fakeDevice();
    const { control } = setup(signIn, device, false);
    await control.start();
    control.signOut();
    await vi.waitFor(() => expect(signIn.signOut).toHaveBeenCalledWith({ local: true }));
    expect(device.signOutWipe).toHaveBeenCalled();
    await vi.waitFor(() => expect(control.getSnapshot()).toMatchObject({ signedOutHere: true, busy: false, session: { state: 'signed-out' } }));
  });

  it('stays signed in, and says so, when the device could not be cleared', async () => {
    const signIn = fakeSignIn({ callback: true });
    const device = fakeDevice();
    vi.mocked(device.signOutWipe).mockRejectedValueOnce(new Error('disk'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { control } = setup(signIn, device);
    await control.start();
    control.signOut();
    await vi.waitFor(() => expect(control.getSnapshot().signOutFailed).toBe(true));
    expect(signIn.signOut).not.toHaveBeenCalled();
    expect(control.getSnapshot().session.state).toBe('signed-in');
  });
});
