import type { SignedInPerson } from '../domain/signed-in-person';
import type { SessionSnapshot, SignInService } from './sign-in-service';

/**
 * Demo mode signs in a synthetic trainer at once, with no provider at all (issue 10 point 9),
 * so trainers work offline in a room without Wi-Fi. There is no token: the demo services are
 * answered in the page.
 */
export function createDemoSignIn(trainer: SignedInPerson): SignInService {
  const snapshot: SessionSnapshot = { state: 'signed-in', person: trainer, expiresAt: '9999-12-31T23:59:59.999Z' };
  return {
    isCallback: () => false,
    completeSignIn: () => Promise.reject(new Error('demo mode has no sign-in callback')),
    signIn: async () => undefined,
    signInAgain: async () => trainer,
    signOut: async () => undefined,
    accessToken: () => undefined,
    markExpired: () => undefined,
    subscribe: () => () => undefined,
    getSnapshot: () => snapshot,
  };
}
