/**
 * Composition root (DESIGN.md): load /config.json, build the transport and national service
 * clients, then mount the app. Demo mode loads the synthetic services with a dynamic import,
 * so live builds never download them.
 */
import './ui/nhsuk.scss';
import './ui/theme.css';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { uiWords } from './ui/ui-words';
import type { QueryClient } from '@tanstack/react-query';
import { loadConfig, ConfigError } from './config/load-config';
import type { AppConfig } from './config/config-schema';
import { fetchTransport, type Transport } from './services/transport';
import { DEMO_DATABASE, LIVE_DATABASE } from './storage/database-names';
import { lazyDeviceStorage, preloadDeviceStorage } from './storage/lazy-device-storage';
import { createConnectivity } from './sync/connectivity';
import { createExternalStore, type ExternalStore } from './sync/external-store';
import { startQueuedLookups, type QueuedLookupResult } from './sync/queued-lookups';
import { observeReachability, probeFor } from './sync/reachability-transport';
import { startRetention } from './sync/retention';
import { createDemoConnectivity, createTrainerTools } from './sync/trainer-tools';
import { createQueryClient } from './queries/query-client';
import { queuedLookupWork } from './queries/save-lookup';
import { SAVED_ON_DEVICE_KEY } from './queries/saved-on-device-key';
import { lazyNationalServices } from './services/lazy-national-services';
import { lazyAuditClient } from './services/lazy-audit-client';
import { actorFrom, toAccessEvent, type AccessAuthor, type RecordAccess } from './domain/access-event';
import { startAccessDelivery } from './sync/access-delivery';
import { App, preloadLiveStartPages } from './frame/app';
import { DEFAULT_OFFLINE_SESSION_HOURS } from './config/config-schema';
import { createDemoSignIn } from './services/demo-sign-in';
import { withBearer } from './services/bearer-transport';
import type { SignInService } from './services/sign-in-service';
import { createSessionControl } from './sync/session-control';

/** Demo mode's database PIN: synthetic data only, entered by the app itself (docs/security.md). */
const DEMO_PIN = '246813';
import { AppFrame } from './frame/app-frame';
import { FirstScreen } from './frame/first-screen';
import { ConfigErrorScreen } from './frame/config-error-screen';
import type { Runtime } from './runtime/runtime-context';
import { frameWords } from './frame/frame-words';
import { registerServiceWorker, serviceWorkerUpdates } from './sync/service-worker-updates';
import { browserDemoCodeEnvironment, keepDemoCodeForOffline } from './sync/demo-code-cache';
// Last, after every component's own styles: the dark theme overrides nhsuk-frontend's surfaces.
import './ui/dark-theme.css';

// nhsuk-frontend 10 styles its components only when these classes are on <body>.
document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');

interface ServiceWiring {
  readonly transport: Transport;
  /** CIS2 in live mode; a synthetic trainer, signed in at once, in demo mode. */
  readonly signIn: SignInService;
  readonly bases: { readonly pds: string; readonly nrl: string; readonly ods: string; readonly ssp: string; readonly audit: string };
  readonly organisationOds: string;
  readonly asid: string | undefined;
  readonly demoPatients: Runtime['demoPatients'];
  readonly demoSearchExamples: Runtime['demoSearchExamples'];
  /** Demo mode only: the trainer's Simulate no signal switch, and a way to empty the synthetic services. */
  readonly demo: { readonly noSignal: ExternalStore<boolean>; readonly resetServices: () => void } | undefined;
}

async function wireServices(config: AppConfig): Promise<ServiceWiring> {
  if (config.mode === 'demo') {
    const { createDemoTransport } = await import('./services/demo-transport');
    const noSignal = createExternalStore(false);
    const demo = await createDemoTransport({ noSignal: noSignal.getSnapshot });
    return {
      transport: demo.transport,
      signIn: createDemoSignIn(demo.trainer),
      bases: demo.bases,
      organisationOds: demo.organisationOds,
      asid: demo.asid,
      demoPatients: demo.patients,
      demoSearchExamples: demo.searchExamples,
      demo: { noSignal, resetServices: demo.resetServices },
    };
  }
  // The OIDC library loads only in live mode, after the first screen (issue 10: budget).
  const { createCis2SignIn } = await import('./services/cis2-sign-in');
  const signIn = createCis2SignIn({ ...config.auth, origin: window.location.origin });
  // The CIS2 token goes to the configured service bases and nowhere else (not to contact pages);
  // a 401 from any of them means the sign-in ran out, whatever its expiry said.
  const transport = withBearer(fetchTransport, {
    bases: Object.values(config.services),
    token: () => signIn.accessToken(),
    onUnauthorised: () => signIn.markExpired(),
  });
  return { transport, signIn, bases: config.services, organisationOds: config.organisationOds, asid: config.asid, demoPatients: [], demoSearchExamples: [], demo: undefined };
}

async function buildRuntime(config: AppConfig, queryClient: QueryClient): Promise<{ readonly runtime: Runtime; readonly preloadServices: () => void }> {
  // Opened first: the session and the lock decide the first screen, and the database opens while
  // the sign-in client loads.
  // Demo data lives in its own database, so it can never be shown as real (safety rule 5).
  const { plans, queue, access, session: personOnDevice, lock: clinicalLock, requestPersistentStorage, resetDemo, onNewerVersionElsewhere, onClearedElsewhere } = lazyDeviceStorage(config.mode === 'demo' ? DEMO_DATABASE : LIVE_DATABASE);
  // A newer version upgraded the database in another tab: this page cannot save or record any
  // more, so the update prompt offers Reload (never automatic: a plan may be on screen).
  onNewerVersionElsewhere(() => serviceWorkerUpdates.newerVersionElsewhere());
  const wiring = await wireServices(config);
  // Demo mode answers in the page, so it works with no signal at all (trainers in a room
  // without Wi-Fi): its synthetic services are reachable unless the trainer simulates no signal.
  const probe = probeFor(wiring.transport, wiring.bases);
  const connectivity = wiring.demo
    ? createDemoConnectivity({ probe, noSignal: wiring.demo.noSignal })
    : createConnectivity({ probe, initiallyReachable: navigator.onLine });
  const session = createSessionControl({
    signIn: wiring.signIn,
    device: personOnDevice,
    lock: clinicalLock,
    onLocked: () => forgetPatientsInMemory(),
    offlineSessionHours: config.mode === 'live' ? config.offlineSessionHours : DEFAULT_OFFLINE_SESSION_HOURS,
    location: {
      href: () => window.location.href,
      path: () => window.location.pathname,
      replace: (path) => window.history.replaceState(null, '', path),
    },
    isOnline: () => navigator.onLine && connectivity.getSnapshot().reachable,
    onPersonChanged: () => forgetPatientsInMemory(),
    onSignedInAgain: () => void queryClient.refetchQueries({ type: 'active', predicate: (query) => query.state.status === 'error' }),
  });
  const signedInPerson = () => {
    const { session: now } = session.getSnapshot();
    return now.state === 'signed-out' ? undefined : now.person;
  };
  // The audit service is the trust's, not a national one: its failures say nothing about signal.
  const audit = lazyAuditClient({ transport: wiring.transport, baseUrl: wiring.bases.audit, observer: { name: frameWords.serviceName } });
  const delivery = startAccessDelivery({ outbox: access, audit, connectivity });
  // Read at the moment of each access, so an event never names the person before a change.
  const who = (): AccessAuthor => {
    const { session: now } = session.getSnapshot();
    const actor = now.state === 'signed-out' ? undefined : actorFrom(now.person, config.mode === 'demo' ? 'demo' : now.state === 'offline' ? 'offline' : 'signed-in');
    return { organisationOds: wiring.organisationOds, asid: wiring.asid, actor };
  };
  // Safety rule 6: resolves only once the access is on disk; callers show nothing before that.
  const recordAccess: RecordAccess = async (event) => {
    await access.record(toAccessEvent(event, who(), crypto.randomUUID()));
    delivery.flush();
  };
  const { pds, nrl, ods, ssp } = wiring.bases;
  const services = lazyNationalServices({
    transport: observeReachability(wiring.transport, connectivity, [pds, nrl, ods, ssp]),
    bases: { pds, nrl, ods, ssp },
    // The selected role's organisation is the end-user organisation (issue 10 point 2).
    organisationOds: () => signedInPerson()?.role.orgCode ?? wiring.organisationOds,
    ...(wiring.asid ? { asid: wiring.asid } : {}),
    recordAccess,
  });
  const queuedResults = createExternalStore<readonly QueuedLookupResult[]>([]);
  const clearedElsewhere = createExternalStore(0);
  // Nothing about the last person's patients may stay in this page's memory: Clear this device
  // in another tab (issue 7 point 9), or another person signing in (issue 10 point 7). Storage
  // has already dropped its keys; the screens start afresh.
  const forgetPatientsInMemory = () => {
    queuedResults.set([]);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SAVED_ON_DEVICE_KEY[0] });
    void queryClient.invalidateQueries({ queryKey: SAVED_ON_DEVICE_KEY });
  };
  onClearedElsewhere((reason) => {
    forgetPatientsInMemory();
    clearedElsewhere.set(clearedElsewhere.getSnapshot() + 1);
    // Another tab signed out, or someone else signed in there: this tab's sign-in is over too,
    // so nothing it does next can be saved under the next person's keys (issue 10 point 7).
    if (reason !== 'cleared') wiring.signIn.markExpired();
  });
  const policy = { staleAfterHours: config.staleAfterHours, retentionHours: config.retentionHours };

  // Live: the browser's online/offline events and probes. Demo: the trainer's switch.
  connectivity.start();
  startRetention(plans, () => void queryClient.invalidateQueries({ queryKey: SAVED_ON_DEVICE_KEY }));
  const queuedLookups = startQueuedLookups({
    queue,
    connectivity,
    // Searches run under the person who queued them, with a valid sign-in (issue 10).
    mayRun: () => session.getSnapshot().session.state === 'signed-in' && session.getSnapshot().lock.state === 'unlocked',
    ...queuedLookupWork({ queryClient, services, plans, retentionHours: policy.retentionHours }),
    onResult: (result) => queuedResults.set([...queuedResults.getSnapshot().filter((r) => r.nhsNumber !== result.nhsNumber), result]),
    onQueueChanged: () => void queryClient.invalidateQueries({ queryKey: SAVED_ON_DEVICE_KEY }),
  });
  // Signed in (again) and unlocked: the queued searches can run.
  session.subscribe(() => {
    const now = session.getSnapshot();
    if (now.session.state === 'signed-in' && now.lock.state === 'unlocked') queuedLookups.runNow();
  });
  // Live mode: the lock after idle time, or after being hidden too long, with a scoped grace for a call (issue 11).
  // Loaded after the first screen: nothing needs it before a PIN has opened the clinical key.
  const idle =
    config.mode === 'live'
      ? (await import('./sync/idle-lock')).createIdleLock({
          lockAfterMs: config.lockAfterMinutes * 60_000,
          callGraceMs: config.callGraceMinutes * 60_000,
          onLock: () => session.lockNow(),
        })
      : undefined;
  if (idle) {
    let running = false;
    const follow = () => {
      const now = session.getSnapshot();
      const open = now.session.state !== 'signed-out' && now.lock.state === 'unlocked';
      if (open && !running) idle.start();
      if (!open && running) idle.stop();
      running = open;
    };
    session.subscribe(follow);
    follow();
  }
  // Demo mode holds synthetic patients only and signs in a synthetic trainer: its database is
  // sealed like a live one, under a fixed demo PIN the app enters itself (docs/security.md).
  if (config.mode === 'demo') {
    const openDemo = () => {
      const state = clinicalLock.getSnapshot().state;
      if (state === 'no-pin') void clinicalLock.setPin(DEMO_PIN).catch((error: unknown) => console.error('demo PIN could not be set', error));
      if (state === 'locked') void clinicalLock.unlock(DEMO_PIN).catch((error: unknown) => console.error('demo PIN could not open', error));
    };
    clinicalLock.subscribe(openDemo);
    // Opened again (after Reset demo): what the saved list read while it was shut is read again.
    clinicalLock.subscribe(() => {
      if (clinicalLock.getSnapshot().state === 'unlocked') void queryClient.invalidateQueries({ queryKey: SAVED_ON_DEVICE_KEY });
    });
    void clinicalLock.ready().then(openDemo);
  }
  const runtime: Runtime = {
    mode: config.mode,
    session,
    lockAfterMinutes: config.lockAfterMinutes,
    ...(idle ? { allowCall: () => idle.allowCall() } : {}),
    services,
    demoPatients: wiring.demoPatients,
    demoSearchExamples: wiring.demoSearchExamples,
    policy,
    connectivity,
    plans,
    queue,
    queuedResults,
    clearedElsewhere,
    runQueuedLookups: queuedLookups.runNow,
    requestPersistentStorage,
    recordAccess,
    accessDelivery: delivery.status,
    // The same client: demo mode reads the demo audit service, so trainers see what a lead sees.
    accessHistory: audit,
    trainer: wiring.demo && createTrainerTools({ noSignal: wiring.demo.noSignal, resetDevice: resetDemo, resetServices: wiring.demo.resetServices, afterReset: delivery.restart }),
  };
  return { runtime, preloadServices: services.preload };
}

/** Resolves once the frame after the current one has been painted. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function render(root: Root, node: React.ReactNode) {
  root.render(<StrictMode>{node}</StrictMode>);
}

async function start(root: Root) {
  // Every mode needs device storage before its first screen (the session, the lock): its chunk
  // loads while config.json is read, not after (issue 13: the cold start with no signal).
  preloadDeviceStorage();
  try {
    const config = await loadConfig();
    // A live start needs these chunks before its first screen: fetched together now, not
    // one after another as each await below reaches it (issue 13: the first screen's paint).
    if (config.mode === 'live') void Promise.all([import('./services/cis2-sign-in'), import('./sync/idle-lock'), preloadLiveStartPages()]).catch(() => undefined);
    // Set before the first screen, so every screen's own title (the access history's) builds on it.
    document.title = uiWords.documentTitle(config.mode);
    const queryClient = createQueryClient();
    const { runtime, preloadServices } = await buildRuntime(config, queryClient);
    // Completes a sign-in callback (before anything about a patient is shown), or finds the
    // offline session to offer. The App shows "Signing you in…" meanwhile.
    const starting = runtime.session.start();
    render(root, <App runtime={runtime} queryClient={queryClient} />);
    await starting;
    // The national services' code loads while the crew signs in, unlocks or picks a demo patient:
    // after the first screen has painted, not competing with it (issue 13: the cold start).
    void afterNextPaint().then(preloadServices);
    // Demo code is not precached: a demo device keeps what it loaded; a live one drops it.
    const demoCode = browserDemoCodeEnvironment();
    if (demoCode) void keepDemoCodeForOffline(config.mode, demoCode);
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : `Start-up failed (${String(error)}).`;
    console.error('start-up failed', error);
    render(
      root,
      <AppFrame demo={false}>
        <ConfigErrorScreen message={message} />
      </AppFrame>,
    );
  }
}

// Offline app shell and update prompt: registered once, outside React (docs/service-worker.md).
registerServiceWorker();

/**
 * The build put the first screen's HTML in index.html (.ci/first-screen-html.ts), painted before
 * this script ran: React takes it over as it is, with no flash. The dev server sends an empty
 * root, so there it is rendered.
 */
function firstScreen(container: HTMLElement): Root {
  const first = (
    <StrictMode>
      <FirstScreen />
    </StrictMode>
  );
  if (container.firstElementChild) return hydrateRoot(container, first);
  const root = createRoot(container);
  root.render(first);
  return root;
}

void start(firstScreen(document.getElementById('root')!));
