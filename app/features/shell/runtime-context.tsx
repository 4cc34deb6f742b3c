import { createContext, useContext, type ReactNode } from 'react';
import type { NationalServices } from '../../services/national-services';

/** A synthetic patient trainers can pick in demo mode. */
export interface DemoPatientEntry {
  readonly nhsNumber: string;
  readonly title: string;
  readonly description: string;
}

/** What the composition root built from /config.json, for every screen. */
export interface Runtime {
  readonly mode: 'live' | 'demo';
  readonly services: NationalServices;
  /** Demo mode only: the synthetic patients to offer trainers. */
  readonly demoPatients: readonly DemoPatientEntry[];
}

const RuntimeContext = createContext<Runtime | undefined>(undefined);

export function RuntimeProvider({ runtime, children }: { runtime: Runtime; children: ReactNode }) {
  return <RuntimeContext value={runtime}>{children}</RuntimeContext>;
}

export function useRuntime(): Runtime {
  const runtime = useContext(RuntimeContext);
  if (!runtime) throw new Error('useRuntime outside RuntimeProvider');
  return runtime;
}
