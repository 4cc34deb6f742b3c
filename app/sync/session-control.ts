import type { SignedInPerson } from '../domain/signed-in-person';
import type { ClinicalLock, ClinicalLockState } from '../storage/clinical-lock';
import { SignInError, type SessionSnapshot, type SignInFailureKind, type SignInService } from '../services/sign-in-service';
import { createExternalStore } from './external-store';

/**
 * Sign-in as the app lives it (issue 10): the sign-in service (CIS2, or demo's synthetic trainer)
 * joined with what the device keeps for a person: whose saved plans these are, and the sealed
 * offline session. One place decides the order of those steps, so no screen can show a patient
 * before the device knows who is holding it.
 */

/** What the device keeps for the signed-in person (app/storage/, `DeviceStorage.session`). */
export interface PersonOnDevice {
  /** Called after every sign-in, before anything is shown: wipes the last person's clinical data if this is someone else. */
  claimFor(personId: string): Promise<{ readonly wiped: boolean }>;
  /** Keeps the person (never a token) sealed until `until`, for an offline start. */
  remember(person: SignedInPerson, until: Date): Promise<void>;
  /** The remembered person, while within time. */
  resume(now: Date): Promise<SignedInPerson | undefined>;
  /** Removes saved plans, queued searches, their key and the offline session; keeps access events. */
  signOutWipe(): Promise<void>;
}

export interface SessionView {
  readonly session: SessionSnapshot;
  /** Why the last sign-in did not complete, for the sign-in page. */
  readonly failure: SignInFailureKind | undefined;
  /** A sign-in, sign-in again or sign-out is under way. */
  readonly busy: boolean;
  /** Sign in again brought a different person: the last person's saved patients were removed. */
  readonly personChanged: boolean;
  /** Sign out could not clear the device, so the person stays signed in. */
  readonly signOutFailed: boolean;
  /** Signed out with no signal: this app is clear, the provider's session was not ended. */
  readonly signedOutHere: boolean;
  /** The shift PIN's lock over the saved clinical data (issue 11). */
  readonly lock: ClinicalLockState;
  /** Nobody signed in, and saved copies exist that a shift PIN could open (issue 10 point 8, issue 11). */
  readonly offlineAvailable: boolean;
  /** The crew asked to open saved copies without signing in: the PIN is asked first. */
  readonly offlineUnlock: boolean;
  /** Five wrong PINs removed the saved plans: sign in again with signal. */
  readonly pinsWiped: boolean;
  /** The clinical key has been open at least once in this page's life. */
  readonly everOpened: boolean;
}

export interface SessionControl {
  subscribe(listener: () => void): () => void;
  getSnapshot(): SessionView;
  /** Completes a sign-in callback in this URL, or finds an offline session to offer. Call once at start. */
  start(): Promise<void>;
  /** Leaves for the provider; comes back to the screen the crew is on. */
  signIn(options?: { readonly selectRole?: boolean }): void;
  /** Signs in again in a window of its own, keeping this screen. */
  signInAgain(): void;
  /** Asks for the shift PIN to open saved copies without signing in (offline start). */
  continueOffline(): void;
  signOut(): void;
  /** Sets the shift PIN after sign-in: new clinical keys wrapped by it. */
  setPin(pin: string): Promise<void>;
  /** The shift PIN opens the saved data (after sign-in, after a lock, or for an offline start). */
  unlock(pin: string): Promise<'unlocked' | 'wrong' | 'wiped'>;
  /** Locks now (idle, hidden too long): keys and patients leave memory. */
  lockNow(): void;
}

export function createSessionControl(o: {
  signIn: SignInService;
  device: PersonOnDevice;
  lock: Pick<ClinicalLock, 'ready' | 'getSnapshot' | 'subscribe' | 'setPin' | 'unlock' | 'lock'>;
  /** Locked: drop what screens hold about patients. */
  onLocked?: () => void;
  offlineSessionHours: number;
  /** The page's location, replaced (not pushed) after a callback so Back never replays it. */
  location: { href(): string; path(): string; replace(path: string): void };
  isOnline: () => boolean;
  /** Someone else's saved patients were just removed: drop what screens hold about them. */
  onPersonChanged: () => void;
  /** Signed in again: run again whatever stopped for want of sign-in. */
  onSignedInAgain: () => void;
  now?: () => Date;
}): SessionControl {
  const now = o.now ?? (() => new Date());
  const view = createExternalStore<SessionView>({
    session: o.signIn.getSnapshot(),
    failure: undefined,
    busy: false,
    personChanged: false,
    signOutFailed: false,
    signedOutHere: false,
    lock: o.lock.getSnapshot(),
    offlineAvailable: false,
    offlineUnlock: false,
    pinsWiped: false,
    everOpened: o.lock.getSnapshot().state === 'unlocked',
  });
  /** Signed in, not yet remembered for an offline start: that needs the clinical key, so the PIN. */
  let toRemember: SignedInPerson | undefined;
  let offline: { person: SignedInPerson; until: string } | undefined;
  // While a new sign-in is being settled on the device, screens keep seeing the session from
  // before it: the new person is shown only once the last person's patients are gone.
  let held: SessionSnapshot | undefined;

  const update = (changes: Partial<SessionView>) => {
    const lock = o.lock.getSnapshot();
    const before = view.getSnapshot();
    view.set({ ...before, ...changes, session: sessionNow(), lock, everOpened: before.everOpened || lock.state === 'unlocked' });
  };
  const sessionNow = (): SessionSnapshot => {
    if (held) return held;
    const session = o.signIn.getSnapshot();
    return session.state === 'signed-out' && offline ? { state: 'offline', ...offline } : session;
  };
  o.signIn.subscribe(() => update({}));
  o.lock.subscribe(() => update({}));
  const offlineUntil = () => new Date(now().getTime() + o.offlineSessionHours * 3_600_000);
  async function rememberIfUnlocked(): Promise<void> {
    if (!toRemember || o.lock.getSnapshot().state !== 'unlocked') return;
    const person = toRemember;
    toRemember = undefined;
    await o.device.remember(person, offlineUntil());
  }

  const failureOf = (error: unknown): SignInFailureKind => (error instanceof SignInError ? error.kind : 'provider-unreachable');

  /** After any sign-in: the device must belong to this person before anything is shown. */
  async function settled<T>(signingIn: () => Promise<T & { readonly person: SignedInPerson }>): Promise<T & { readonly wiped: boolean }> {
    held = sessionNow();
    try {
      const result = await signingIn();
      const { wiped } = await o.device.claimFor(result.person.id);
      // Remembered for an offline start once the PIN has opened the clinical key (now, if it is open).
      toRemember = result.person;
      await rememberIfUnlocked();
      offline = undefined;
      return { ...result, wiped };
    } finally {
      held = undefined;
    }
  }

  return {
    subscribe: view.subscribe,
    getSnapshot: view.getSnapshot,
    async start() {
      await o.lock.ready();
      if (o.signIn.isCallback(o.location.href())) {
        update({ busy: true });
        try {
          const { returnTo } = await settled(() => o.signIn.completeSignIn(o.location.href()));
          o.location.replace(returnTo);
          update({ busy: false, failure: undefined });
        } catch (error) {
          console.error('sign-in did not complete', error);
          o.location.replace('/');
          update({ busy: false, failure: failureOf(error) });
        }
        return;
      }
      if (o.signIn.getSnapshot().state !== 'signed-out') return;
      // Saved copies exist (a wrapped clinical key): whose they are is sealed, so the PIN comes first.
      const offlineAvailable = o.lock.getSnapshot().state === 'locked';
      update({ offlineAvailable });
      // A tablet restarted with no signal: the shift PIN opens what the crew saved.
      if (offlineAvailable && !o.isOnline()) this.continueOffline();
    },
    signIn(options) {
      update({ busy: true, failure: undefined });
      o.signIn.signIn({ returnTo: o.location.path(), ...(options?.selectRole ? { selectRole: true } : {}) }).catch((error: unknown) => {
        update({ busy: false, failure: failureOf(error) });
      });
    },
    signInAgain() {
      update({ busy: true, failure: undefined });
      void (async () => {
        try {
          const { wiped } = await settled(async () => ({ person: await o.signIn.signInAgain() }));
          if (wiped) o.onPersonChanged();
          update({ busy: false, personChanged: wiped });
          o.onSignedInAgain();
        } catch (error) {
          update({ busy: false, failure: failureOf(error) });
        }
      })();
    },
    continueOffline() {
      if (!view.getSnapshot().offlineAvailable) return;
      update({ offlineUnlock: true, failure: undefined });
    },
    async setPin(pin) {
      await o.lock.setPin(pin);
      await rememberIfUnlocked();
      update({});
    },
    async unlock(pin) {
      const result = await o.lock.unlock(pin);
      if (result === 'wiped') {
        toRemember = undefined;
        offline = undefined;
        // Whoever holds the tablet must prove who they are again, with signal.
        if (o.signIn.getSnapshot().state !== 'signed-out') await o.signIn.signOut({ local: true }).catch(() => undefined);
        update({ pinsWiped: true, offlineUnlock: false, offlineAvailable: false });
        return result;
      }
      if (result !== 'unlocked') {
        update({});
        return result;
      }
      if (view.getSnapshot().offlineUnlock) {
        const person = await o.device.resume(now()).catch(() => undefined);
        if (person) offline = { person, until: offlineUntil().toISOString() };
        else o.lock.lock();
        update({ offlineUnlock: false, offlineAvailable: person !== undefined });
        return result;
      }
      await rememberIfUnlocked();
      update({});
      return result;
    },
    lockNow() {
      o.lock.lock();
      o.onLocked?.();
      update({});
    },
    signOut() {
      update({ busy: true, signOutFailed: false });
      void (async () => {
        // The wipe comes first: a sign-out that cannot reach the provider still leaves nothing behind.
        try {
          await o.device.signOutWipe();
        } catch (error) {
          // Nothing may be left behind silently: stay signed in, say so (the bar stays).
          console.error('sign-out could not clear the device', error);
          update({ busy: false, signOutFailed: true });
          return;
        }
        offline = undefined;
        toRemember = undefined;
        update({ offlineAvailable: false, offlineUnlock: false });
        // Nobody signed in here, and no refused sign-in whose CIS2 session should end: nothing more to do.
        if (o.signIn.getSnapshot().state === 'signed-out' && view.getSnapshot().failure !== 'claims-invalid') {
          update({ busy: false });
          return;
        }
        // With no signal the provider cannot be told; the next sign-in then asks for details again.
        const local = !o.isOnline();
        await o.signIn.signOut({ local }).catch((error: unknown) => console.error('provider sign-out failed', error));
        update({ busy: false, signedOutHere: local });
      })();
    },
  };
}
