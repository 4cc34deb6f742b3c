import type { SignedInPerson } from '../domain/signed-in-person';

/**
 * The sign-in seam (issue 10): what the app needs from CIS2, whatever library speaks OpenID
 * Connect underneath. Live mode builds it with `createCis2SignIn` (loaded lazily, so the first
 * screen does not carry the OIDC library); demo mode with a synthetic trainer and no provider.
 */

export type SessionSnapshot =
  /** Nobody is signed in on this page (tokens are in memory only, so every page load starts here). */
  | { readonly state: 'signed-out' }
  /** Signed in; the access token is valid until `expiresAt` (ISO instant). */
  | { readonly state: 'signed-in'; readonly person: SignedInPerson; readonly expiresAt: string }
  /** Signed in, but the token ends soon (or a service said 401): ask the crew to sign in again. */
  | { readonly state: 'expiring' | 'expired'; readonly person: SignedInPerson; readonly expiresAt: string }
  /**
   * No token: the person was resumed from the sealed offline session (issue 10 point 8), for
   * saved copies only, until signal returns and they sign in.
   */
  | { readonly state: 'offline'; readonly person: SignedInPerson; readonly until: string };

export type SignInFailureKind =
  /** The provider could not be reached (no signal, wrong authority). */
  | 'provider-unreachable'
  /** The provider answered with an error (access_denied, login_required…), or the crew cancelled. */
  | 'refused'
  /** The callback did not match a sign-in this page started (state or PKCE check failed, replayed URL). */
  | 'callback-invalid'
  /** The userinfo claims were missing or malformed (no selected role, roles not a list…). */
  | 'claims-invalid'
  /** The popup for signing in again was blocked or closed. */
  | 'popup-closed';

export class SignInError extends Error {
  readonly kind: SignInFailureKind;
  /** For logs; never shown as the main message. */
  readonly detail: string;
  constructor(kind: SignInFailureKind, detail: string, options?: { cause?: unknown }) {
    super(`sign-in ${kind}: ${detail}`, options);
    this.name = 'SignInError';
    this.kind = kind;
    this.detail = detail;
  }
}

export interface SignInService {
  /** Whether this URL is the sign-in callback (`{origin}/auth/callback?...`). */
  isCallback(url: string): boolean;
  /**
   * Completes the sign-in this page started (code exchange with PKCE, then one userinfo read).
   * Resolves with the person and the in-app path to return to. Rejects with a SignInError.
   */
  completeSignIn(url: string): Promise<{ readonly person: SignedInPerson; readonly returnTo: string }>;
  /**
   * Leaves the page for the provider (full-page redirect). `selectRole` asks CIS2 to let the
   * person choose their role again (`prompt=login`). `returnTo` is an in-app path.
   */
  signIn(options: { readonly returnTo: string; readonly selectRole?: boolean }): Promise<void>;
  /**
   * Signs in again without leaving the page (a popup), so the screen the crew is on survives
   * (token expiry, a 401). Resolves with the person signed in now, who may be someone else.
   */
  signInAgain(): Promise<SignedInPerson>;
  /**
   * Ends the provider session and returns to `{origin}/`. Tokens are dropped first. `local`
   * (no signal): only drops the tokens here, and makes the next sign-in ask for the person's
   * details again (`prompt=login`), since the provider's session could not be ended.
   */
  signOut(options?: { readonly local?: boolean }): Promise<void>;
  /** The access token while it is valid; undefined otherwise. Never stored anywhere but memory. */
  accessToken(): string | undefined;
  /** A 401 from a service: the token is no good, whatever its expiry says. */
  markExpired(): void;
  subscribe(listener: () => void): () => void;
  getSnapshot(): SessionSnapshot;
}
