import { lazy, Suspense, useSyncExternalStore } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { mayUse, mayUseApp, type SignedInPerson } from '../domain/signed-in-person';
import type { SessionSnapshot } from '../services/sign-in-service';
import { AppFrame } from './app-frame';
import { goTo, useScreen, type Screen } from './app-location';
import { AppNavigation } from './app-navigation';
import { RuntimeProvider, type Runtime } from '../runtime/runtime-context';
import { LookupScreen } from './lookup-screen';
import { OfflineBanner } from './offline-banner';
import { ScreenBoundary } from '../ui/screen-boundary';
import { preloadable } from '../ui/preloadable';
import { frameWords } from './frame-words';
import { SignInAgainBanner } from '../features/session/sign-in-again-banner';
import { SignedInBar } from '../features/session/signed-in-bar';
import { sessionWords } from '../features/session/session-words';

// Clinical leads' screen, in its own chunk: the crew's first screen does not carry it (the
// service worker precaches it, so it still opens offline).
const AccessHistoryPage = lazy(() => import('../features/history/access-history-page').then((module) => ({ default: module.AccessHistoryPage })));

// Pages shown before any patient screen, in live mode only: their own chunk keeps the crew's
// first screen within budget (precached, so they open offline too).
const signInPage = preloadable(() => import('../features/session/sign-in-page').then((module) => module.SignInPage));
const pinSetup = preloadable(() => import('../features/session/pin-setup').then((module) => module.PinSetup));
const pinUnlock = preloadable(() => import('../features/session/pin-unlock').then((module) => module.PinUnlock));
const SignInPage = signInPage.Component;
const PinSetup = pinSetup.Component;
const PinUnlock = pinUnlock.Component;

/**
 * A live start shows one of these first (which one depends on the session and the lock, known
 * only once device storage has loaded): loaded together as soon as the mode is known, so the
 * first of them paints without a chunk fetched after the decision, and without React's reveal
 * throttle on a Suspense fallback (issue 13: the cold start with no signal).
 */
export function preloadLiveStartPages(): Promise<unknown> {
  return Promise.all([signInPage.preload(), pinSetup.preload(), pinUnlock.preload()]);
}
const PinsWipedPage = lazy(() => import('../features/session/pins-wiped-page').then((module) => ({ default: module.PinsWipedPage })));
const NoRolePage = lazy(() => import('../features/session/no-role-page').then((module) => ({ default: module.NoRolePage })));

const SCREENS: readonly Screen[] = ['lookup', 'history'];

function personIn(session: SessionSnapshot): SignedInPerson | undefined {
  return session.state === 'signed-out' ? undefined : session.person;
}

export function App({ runtime, queryClient }: { runtime: Runtime; queryClient: QueryClient }) {
  const screen = useScreen();
  const view = useSyncExternalStore(runtime.session.subscribe, runtime.session.getSnapshot);
  // Another tab cleared the device: the lookup screen starts afresh, showing no patient.
  const clears = useSyncExternalStore(runtime.clearedElsewhere.subscribe, runtime.clearedElsewhere.getSnapshot);
  const online = useSyncExternalStore(runtime.connectivity.subscribe, () => runtime.connectivity.getSnapshot().reachable);
  const demo = runtime.mode === 'demo';
  const person = personIn(view.session);
  const navigate = (next: Screen) => {
    goTo(next);
    // As after a page load: reading starts at the new screen, not at the link just pressed.
    requestAnimationFrame(() => document.getElementById('main-content')?.focus());
  };

  const opening = (
    <p className="nhsuk-body-l" role="status">
      {frameWords.openingScreen}
    </p>
  );
  const frame = (children: React.ReactNode, navigation?: React.ReactNode, barActions = true) => (
    <RuntimeProvider runtime={runtime}>
      <QueryClientProvider client={queryClient}>
        <AppFrame
          demo={demo}
          navigation={navigation}
          signedIn={
            person && (
              <SignedInBar
                person={person}
                kind={demo ? 'demo' : view.session.state === 'offline' ? 'offline' : 'signed-in'}
                busy={view.busy}
                onSignOut={() => runtime.session.signOut()}
                onChangeRole={() => runtime.session.signIn({ selectRole: true })}
                onSignIn={() => runtime.session.signIn()}
                actions={barActions}
              />
            )
          }
        >
          {view.signOutFailed && (
            <p className="nhsuk-error-message" role="alert">
              {sessionWords.signOutFailed}
            </p>
          )}
          {children}
        </AppFrame>
      </QueryClientProvider>
    </RuntimeProvider>
  );

  // A page of its own, before any patient screen: in its chunk, inside a boundary.
  const page = (children: React.ReactNode) => (
    <ScreenBoundary>
      <Suspense fallback={opening}>{children}</Suspense>
    </ScreenBoundary>
  );

  if (!person) {
    if (view.pinsWiped) return frame(page(<PinsWipedPage online={online} busy={view.busy} onSignIn={() => runtime.session.signIn()} />));
    if (view.offlineUnlock) {
      return frame(
        page(
          <PinUnlock
            personName={sessionWords.personWhoSaved}
            triesLeft={view.lock.state === 'locked' ? view.lock.triesLeft : 0}
            context="offline-start"
            onUnlock={(pin) => runtime.session.unlock(pin)}
            onSignOut={() => runtime.session.signOut()}
          />,
        ),
      );
    }
    if (view.busy && !view.failure) {
      return frame(
        <p className="nhsuk-body-l" role="status">
          {sessionWords.completingSignIn}
        </p>,
      );
    }
    return frame(
      <ScreenBoundary>
        <Suspense fallback={opening}>
          <SignInPage
            failure={view.failure}
            busy={view.busy}
            online={online}
            offlineAvailable={view.offlineAvailable}
            signedOutHere={view.signedOutHere}
            onSignIn={() => runtime.session.signIn()}
            onContinueOffline={() => runtime.session.continueOffline()}
            onSignOut={() => runtime.session.signOut()}
          />
        </Suspense>
      </ScreenBoundary>,
    );
  }
  if (!mayUseApp(person.appRoles, runtime.mode)) {
    return frame(
      <ScreenBoundary>
        <Suspense fallback={opening}>
          <NoRolePage person={person} onChangeRole={() => runtime.session.signIn({ selectRole: true })} onSignOut={() => runtime.session.signOut()} />
        </Suspense>
      </ScreenBoundary>,
      undefined,
      false,
    );
  }

  // The shift PIN (issue 11), live mode: set after sign-in, asked after a lock; nothing about a
  // patient is on screen or in memory until it has opened the clinical key.
  if (runtime.mode === 'live') {
    if (view.lock.state === 'checking') return frame(opening);
    if (view.lock.state === 'no-pin') {
      return frame(page(<PinSetup personName={person.name} lockAfterMinutes={runtime.lockAfterMinutes} onSetPin={(pin) => runtime.session.setPin(pin)} />));
    }
    if (view.lock.state === 'locked') {
      return frame(
        page(
          <PinUnlock
            personName={person.name}
            triesLeft={view.lock.triesLeft}
            onUnlock={(pin) => runtime.session.unlock(pin)}
            onSignOut={() => runtime.session.signOut()}
            signingOut={view.busy}
          />,
        ),
      );
    }
  }
  // Demo mode opens its own database with its demo PIN at start (docs/security.md); after Reset
  // demo it sets it again in the background, with the trainer's screen kept.
  if (!view.everOpened) return frame(opening);

  const allowed = SCREENS.filter((s) => mayUse(s, person.appRoles, runtime.mode));
  const mayOpen = allowed.includes(screen);
  const expiring = view.session.state === 'expiring' || view.session.state === 'expired' ? view.session.state : undefined;
  return frame(
    <>
      {expiring && <SignInAgainBanner state={expiring} busy={view.busy} failure={view.failure} onSignInAgain={() => runtime.session.signInAgain()} />}
      {view.personChanged && (
        <p className="nhsuk-inset-text" role="status">
          {sessionWords.differentPerson}
        </p>
      )}
      <OfflineBanner />
      {/* Kept mounted behind the history, so a plan the crew had open is still there on return. */}
      <div hidden={screen !== 'lookup'}>
        {clears > 0 && (
          <p className="nhsuk-inset-text" role="status">
            {frameWords.clearedElsewhere}
          </p>
        )}
        <LookupScreen key={`${clears}:${person.id}`} />
      </div>
      {screen !== 'lookup' && !mayOpen && (
        <div>
          <h1 className="nhsuk-heading-l">{frameWords.notAllowedTitle}</h1>
          <p className="nhsuk-body-l">{frameWords.notAllowed(frameWords.navigation[screen])}</p>
          <a className="nhsuk-button crl-big-button" href="/" onClick={(event) => (event.preventDefault(), navigate('lookup'))}>
            {frameWords.navigation.lookup}
          </a>
        </div>
      )}
      {screen === 'history' && mayOpen && (
        <ScreenBoundary>
          <Suspense fallback={opening}>
            <AccessHistoryPage />
          </Suspense>
        </ScreenBoundary>
      )}
    </>,
    <AppNavigation screens={allowed} current={screen} onNavigate={navigate} />,
  );
}
