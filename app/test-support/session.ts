import { vi } from 'vitest';
import type { AppRole, SignedInPerson } from '../domain/signed-in-person';
import type { SessionSnapshot } from '../services/sign-in-service';
import { createExternalStore } from '../sync/external-store';
import type { SessionControl, SessionView } from '../sync/session-control';

/** A synthetic CIS2 person for component tests: a paramedic who is also a clinical lead unless told otherwise. */
export function testPerson(appRoles: readonly AppRole[] = ['paramedic', 'clinicalLead'], overrides: Partial<SignedInPerson> = {}): SignedInPerson {
  return {
    id: '555000111222',
    name: 'Alex Test-Paramedic',
    role: { personRoleId: '555000111333', orgCode: 'RX8', roleCode: 'S8000:G8000:R8003', roleName: '"Clinical":"Clinical Provision":"Paramedic"', activityCodes: [] },
    organisationName: 'Synthetic Ambulance Service NHS Trust',
    appRoles,
    ...overrides,
  };
}

/** A session control whose view tests set; every action is a spy. */
export function testSession(session: SessionSnapshot = { state: 'signed-in', person: testPerson(), expiresAt: '2099-01-01T00:00:00.000Z' }, extra: Partial<SessionView> = {}): SessionControl & { view: ReturnType<typeof createExternalStore<SessionView>> } {
  const view = createExternalStore<SessionView>({ session, failure: undefined, busy: false, personChanged: false, signOutFailed: false, signedOutHere: false, lock: { state: 'unlocked' }, offlineAvailable: false, offlineUnlock: false, pinsWiped: false, everOpened: true, ...extra });
  return {
    view,
    subscribe: view.subscribe,
    getSnapshot: view.getSnapshot,
    start: vi.fn(async () => undefined),
    signIn: vi.fn(),
    signInAgain: vi.fn(),
    continueOffline: vi.fn(),
    signOut: vi.fn(),
    setPin: vi.fn(async () => undefined),
    unlock: vi.fn(async () => 'unlocked' as const),
    lockNow: vi.fn(),
  };
}
