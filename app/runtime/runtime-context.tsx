import { createContext, useContext, type ReactNode } from 'react';
import type { NationalServices } from '../services/national-services';
import type { LookupQueue } from '../storage/lookup-queue';
import type { PlanCache } from '../storage/plan-cache';
import type { Connectivity } from '../sync/connectivity';
import type { ExternalStore } from '../sync/external-store';
import type { QueuedLookupResult } from '../sync/queued-lookups';
import type { RecordAccess } from '../domain/access-event';
import type { SearchForm } from '../domain/patient-search';
import type { DeliveryStatus } from '../sync/access-delivery';
import type { AuditClient } from '../services/audit-client';
import type { TrainerTools } from '../sync/trainer-tools';
import type { SessionControl } from '../sync/session-control';

/** A synthetic patient trainers can pick in demo mode. */
export interface DemoPatientEntry {
  readonly nhsNumber: string;
  readonly title: string;
  /** In a trainer's words: what the crew will see, and why. */
  readonly description: string;
  /** FHIR date of birth, when PDS holds the person: the age is worked out when shown, never written in. */
  readonly birthDate: string | undefined;
}

/** A search by details trainers can try in demo mode (issue 12 point 6). */
export interface DemoSearchExample {
  readonly label: string;
  readonly description: string;
  readonly form: SearchForm;
}

/** What the composition root built from /config.json, for every screen. */
export interface Runtime {
  readonly mode: 'live' | 'demo';
  /** Who is signed in (CIS2 in live mode, a synthetic trainer in demo), and sign-in, again and out. */
  readonly session: SessionControl;
  /** Minutes without a touch before the app locks (issue 11), for the words of the PIN screens. */
  readonly lockAfterMinutes?: number;
  readonly services: NationalServices;
  /** Demo mode only: the synthetic patients to offer trainers. */
  readonly demoPatients: readonly DemoPatientEntry[];
  /** Demo mode only: searches by details to try. */
  readonly demoSearchExamples?: readonly DemoSearchExample[];
  /** Device-cache rules from /config.json. */
  readonly policy: { readonly staleAfterHours: number; readonly retentionHours: number };
  readonly connectivity: Connectivity;
  /** Lookups saved on this device (sealed; demo mode has its own database). */
  readonly plans: PlanCache;
  /** Searches made with no signal, waiting to run. */
  readonly queue: LookupQueue;
  /** Runs queued searches now if the services can be reached (after one was just queued). */
  readonly runQueuedLookups: () => void;
  /** Results of queued searches that ran, for the crew to be told. */
  readonly queuedResults: ExternalStore<readonly QueuedLookupResult[]>;
  /** How many times another tab or window has cleared this device since the page loaded. */
  readonly clearedElsewhere: ExternalStore<number>;
  /** Asks the browser not to evict this device's data (after the first save). */
  readonly requestPersistentStorage: () => Promise<boolean>;
  /** Records an access on the device (DESIGN.md rule 6); resolves once written, before anything is shown. */
  readonly recordAccess: RecordAccess;
  /** Access events waiting for the audit service. */
  readonly accessDelivery: ExternalStore<DeliveryStatus>;
  /** Reads accesses back from the audit service, for the clinical leads' Access history. */
  readonly accessHistory: Pick<AuditClient, 'searchAccessHistory'>;
  /** Demo mode only: Simulate no signal and Reset demo. Never set in live mode. */
  readonly trainer?: TrainerTools;
  /**
   * A tap on a tel: link is handing the crew to the phone's dialler: the idle lock lets the app be
   * hidden for the call's grace, once (issue 11 point 3). Unset where nothing locks (demo mode).
   */
  readonly allowCall?: () => void;
}

const RuntimeContext = createContext<Runtime | undefined>(undefined);

export function RuntimeProvider({ runtime, children }: { runtime: Runtime; children: ReactNode }) {
  return <RuntimeContext value={runtime}>{children}</RuntimeContext>;
}

/**
 * The call hand-off for tel: links, or undefined. Unlike useRuntime it never throws, so a plan
 * view shown outside a runtime (a component test) still renders its links.
 */
export function useAllowCall(): (() => void) | undefined {
  return useContext(RuntimeContext)?.allowCall;
}

export function useRuntime(): Runtime {
  const runtime = useContext(RuntimeContext);
  if (!runtime) throw new Error('useRuntime outside RuntimeProvider');
  return runtime;
}
