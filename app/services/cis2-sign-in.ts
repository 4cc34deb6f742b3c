import { ErrorResponse, ErrorTimeout, InMemoryWebStorage, UserManager, WebStorageStateStore, type INavigator, type User } from 'oidc-client-ts';
import type { RoleGrants, SignedInPerson } from '../domain/signed-in-person';
import { parseCis2UserInfo } from './cis2-userinfo';
import { SignInError, type SessionSnapshot, type SignInFailureKind, type SignInService } from './sign-in-service';

/**
 * CIS2 sign-in for live mode (issue 10), over oidc-client-ts: authorisation code flow with PKCE
 * (S256), one userinfo read at sign-in, no silent renew, no refresh token. Loaded lazily
 * (`await import('./services/cis2-sign-in')`): nothing here but oidc-client-ts and our own types.
 *
 * Where things live (docs/cis2-sign-in.md):
 * - Tokens: in memory only (oidc-client-ts' user store is an InMemoryWebStorage), so a page load
 *   starts signed out and a closed tab leaves no token behind.
 * - sessionStorage (`crl.oidc.` keys): only the sign-in request's state while the page is away at
 *   CIS2: the state id, the PKCE code_verifier, the nonce, the `returnTo` path. It has to survive
 *   the full-page redirect, which memory does not. No token is ever written there.
 *
 * The page at `{origin}/auth/callback` completes both kinds of sign-in: `completeSignIn(url)`
 * exchanges the code after a redirect; in a sign-in-again popup it hands the URL to the window
 * that opened the popup and the popup closes (see `completeSignIn`).
 */

export interface Cis2SignInOptions {
  /** Issuer URL (config `auth.authority`, trailing slash stripped). */
  readonly authority: string;
  readonly clientId: string;
  /** Space-separated; config default `openid profile nationalrbacaccess selectedrole`. */
  readonly scope: string;
  /** Config `auth.roles`: the CIS2 codes that grant each app role. */
  readonly roles: RoleGrants;
  /** The app's origin, e.g. `https://crl.example.nhs.uk`; redirects come back to it. */
  readonly origin: string;
  /** The clock used to judge the access token's expiry; `new Date()` by default. */
  readonly now?: () => Date;
  /**
   * For tests only: stand-ins for leaving the page and for the popup, given the provider URL.
   * `redirect` leaves the page (the promise of `signIn`/`signOut` never settles after it);
   * `popup` resolves with the URL the provider sent the popup back to.
   */
  readonly navigation?: {
    readonly redirect: (url: string) => void;
    readonly popup: (url: string) => Promise<string>;
  };
}

/** The path CIS2 sends the browser back to (registered with CIS2 for this client). */
export const CALLBACK_PATH = '/auth/callback';

/** Seconds before the access token ends that the crew is asked to sign in again. */
export const EXPIRING_NOTICE_SECONDS = 120;

/**
 * Marks a sign-in-again popup in the `state` parameter (oidc-client-ts `url_state`, appended after
 * ';'), so the callback page knows from its URL alone that it is in the popup: the popup has no
 * copy of the state, which the opener stores only after opening it.
 */
const POPUP_MARK = 'crl-popup';

const STATE_PREFIX = 'crl.oidc.';

/** What the signin state carries through the redirect (beside PKCE and nonce). */
interface SignInStateData {
  readonly returnTo: string;
}

interface Tokens {
  readonly accessToken: string;
  readonly idToken: string | undefined;
  readonly expiresAtMs: number;
}

/**
 * Set by a sign-out made with no signal, which could not end the provider's session; cleared by
 * the next completed sign-in. Not a secret (a flag, no person), so localStorage is fine, and it
 * must outlive the page: the next crew may reload before signing in.
 */
const FORCE_LOGIN_KEY = 'crl.sign-in.ask-again';
const forceLoginNextTime = {
  set: () => tryStorage(() => window.localStorage.setItem(FORCE_LOGIN_KEY, '1')),
  clear: () => tryStorage(() => window.localStorage.removeItem(FORCE_LOGIN_KEY)),
  isSet: () => tryStorage(() => window.localStorage.getItem(FORCE_LOGIN_KEY) === '1') ?? false,
};

function tryStorage<T>(access: () => T): T | undefined {
  try {
    return access();
  } catch {
    // Storage blocked: a sign-in without the forced prompt is still a CIS2 sign-in.
    return undefined;
  }
}

export function createCis2SignIn(options: Cis2SignInOptions): SignInService {
  const origin = new URL(options.origin).origin;
  const callbackUrl = `${origin}${CALLBACK_PATH}`;
  const now = options.now ?? (() => new Date());

  const navigators = options.navigation ? testNavigators(options.navigation) : undefined;
  const manager = new UserManager(
    {
      authority: options.authority,
      client_id: options.clientId,
      scope: options.scope,
      response_type: 'code',
      redirect_uri: callbackUrl,
      popup_redirect_uri: callbackUrl,
      post_logout_redirect_uri: `${origin}/`,
      loadUserInfo: true,
      automaticSilentRenew: false,
      monitorSession: false,
      revokeTokensOnSignout: false,
      accessTokenExpiringNotificationTimeInSeconds: EXPIRING_NOTICE_SECONDS,
      userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
      stateStore: new WebStorageStateStore({ store: window.sessionStorage, prefix: STATE_PREFIX }),
    },
    navigators?.redirect,
    navigators?.popup,
  );

  let snapshot: SessionSnapshot = { state: 'signed-out' };
  let tokens: Tokens | undefined;
  /** The ID token of a sign-in refused after the code exchange, so Sign out can still end that provider session. */
  let refusedIdToken: string | undefined;
  const listeners = new Set<() => void>();

  const publish = (next: SessionSnapshot) => {
    snapshot = next;
    for (const listener of [...listeners]) listener();
  };
  const expire = () => {
    if (snapshot.state === 'signed-in' || snapshot.state === 'expiring') publish({ ...snapshot, state: 'expired' });
  };

  manager.events.addAccessTokenExpiring(() => {
    if (snapshot.state === 'signed-in') publish({ ...snapshot, state: 'expiring' });
  });
  manager.events.addAccessTokenExpired(expire);
  // State left by sign-ins that never came back (tab closed at CIS2) is removed after 15 minutes.
  manager.clearStaleState().catch(() => undefined);

  /** Makes a signed-in User the session, or drops its tokens and throws. */
  async function adopt(user: User): Promise<SignedInPerson> {
    let person: SignedInPerson;
    try {
      if (!user.access_token) throw new SignInError('callback-invalid', 'the token response held no access_token');
      if (user.expires_at === undefined) throw new SignInError('callback-invalid', 'the token response gave no expires_in');
      person = parseCis2UserInfo(user.profile, options.roles);
    } catch (error) {
      refusedIdToken = user.id_token;
      tokens = undefined;
      await manager.removeUser();
      publish({ state: 'signed-out' });
      throw error;
    }
    // No refresh token is used (CIS2 advises against it for user info): do not keep one about.
    if (user.refresh_token) {
      user.refresh_token = undefined;
      await manager.storeUser(user);
    }
    refusedIdToken = undefined;
    tokens = { accessToken: user.access_token, idToken: user.id_token, expiresAtMs: user.expires_at * 1000 };
    const expiresAt = new Date(tokens.expiresAtMs).toISOString();
    const remainingMs = tokens.expiresAtMs - now().getTime();
    publish({
      state: remainingMs <= 0 ? 'expired' : remainingMs <= EXPIRING_NOTICE_SECONDS * 1000 ? 'expiring' : 'signed-in',
      person,
      expiresAt,
    });
    return person;
  }

  const service: SignInService = {
    isCallback(url) {
      const parsed = parseUrl(url);
      return parsed !== undefined && parsed.origin === origin && parsed.pathname === CALLBACK_PATH;
    },

    async completeSignIn(url) {
      if (!service.isCallback(url)) throw new SignInError('callback-invalid', 'not the sign-in callback URL');
      const popupState = popupStateOf(url);
      if (popupState !== undefined) {
        // In the popup: the opener completes the sign-in and closes this window.
        try {
          await manager.signinPopupCallback(withState(url, popupState));
        } catch (error) {
          throw toSignInError(error, 'callback');
        }
        return new Promise<never>(() => undefined);
      }
      let user: User;
      try {
        user = await manager.signinRedirectCallback(url);
      } catch (error) {
        throw toSignInError(error, 'callback');
      }
      const person = await adopt(user);
      forceLoginNextTime.clear();
      return { person, returnTo: safeReturnTo((user.state as Partial<SignInStateData> | undefined)?.returnTo) };
    },

    async signIn({ returnTo, selectRole }) {
      const state: SignInStateData = { returnTo: safeReturnTo(returnTo) };
      try {
        await manager.signinRedirect({ state, ...(selectRole || forceLoginNextTime.isSet() ? { prompt: 'login' } : {}) });
      } catch (error) {
        throw toSignInError(error, 'start');
      }
    },

    async signInAgain() {
      let user: User;
      try {
        user = await manager.signinPopup({ url_state: POPUP_MARK, popupAbortOnClose: true });
      } catch (error) {
        throw toSignInError(error, 'popup');
      }
      return adopt(user);
    },

    async signOut(options) {
      const idTokenHint = tokens?.idToken ?? refusedIdToken;
      tokens = undefined;
      refusedIdToken = undefined;
      publish({ state: 'signed-out' });
      await manager.removeUser();
      if (options?.local) {
        // CIS2 still has a session for this person: whoever taps Sign in next must prove who they are.
        forceLoginNextTime.set();
        return;
      }
      try {
        await manager.signoutRedirect({ id_token_hint: idTokenHint });
      } catch (error) {
        throw toSignInError(error, 'start');
      }
    },

    accessToken() {
      if (tokens === undefined || (snapshot.state !== 'signed-in' && snapshot.state !== 'expiring')) return undefined;
      if (now().getTime() >= tokens.expiresAtMs) {
        expire();
        return undefined;
      }
      return tokens.accessToken;
    },

    markExpired: expire,

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    getSnapshot: () => snapshot,
  };
  return service;
}

/**
 * An in-app path to return to after sign-in: starts with one '/', stays on this origin, and is
 * not the callback itself. Anything else (`//evil.example`, `/\evil.example`, `https://…`) is '/'.
 */
export function safeReturnTo(path: unknown): string {
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//') || path.includes('\\') || hasControlCharacter(path)) return '/';
  const base = 'https://app.invalid';
  const parsed = parseUrl(new URL(path, base).href);
  if (parsed === undefined || parsed.origin !== base || parsed.pathname === CALLBACK_PATH) return '/';
  return path;
}

function hasControlCharacter(text: string): boolean {
  return [...text].some((character) => {
    const code = character.charCodeAt(0);
    return code < 0x20 || code === 0x7f;
  });
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** The state id of a popup callback URL (its `state` without our mark), or undefined if not a popup's. */
function popupStateOf(url: string): string | undefined {
  const state = parseUrl(url)?.searchParams.get('state');
  const suffix = `;${POPUP_MARK}`;
  return state?.endsWith(suffix) ? state.slice(0, -suffix.length) : undefined;
}

/**
 * oidc-client-ts names the opener's fallback BroadcastChannel after the bare state id but the
 * popup's after the URL's whole `state` (mark included); relaying the bare id lets the two meet
 * when the provider cut `window.opener`. The opener reads `url_state` from its stored state.
 */
function withState(url: string, state: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('state', state);
  return parsed.href;
}

type Phase = 'start' | 'callback' | 'popup';

/** oidc-client-ts' failures, as the kinds the app explains (sign-in-service.ts). */
export function toSignInError(error: unknown, phase: Phase): SignInError {
  if (error instanceof SignInError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  const fail = (kind: SignInFailureKind) => new SignInError(kind, detail, { cause: error });

  if (error instanceof ErrorResponse) {
    // From the token endpoint, invalid_grant is a used, expired or PKCE-mismatched code.
    return fail(error.error === 'invalid_grant' ? 'callback-invalid' : 'refused');
  }
  if (error instanceof ErrorTimeout || error instanceof TypeError) return fail('provider-unreachable');
  if (error instanceof DOMException && (error.name === 'AbortError' || error.name === 'TimeoutError' || error.name === 'NetworkError')) {
    return fail('provider-unreachable');
  }
  if (phase === 'popup' && /^(Popup (closed|blocked|aborted)|Attempted to navigate on a disposed window|Invalid response from window)/.test(detail)) {
    return fail('popup-closed');
  }
  if (/\(\d{3}\)/.test(detail) || /Content-Type|Metadata|end session endpoint/i.test(detail)) return fail('provider-unreachable');
  if (phase === 'start') return fail('provider-unreachable');
  // State missing or not matching, no code, nonce or subject mismatch: not a sign-in this page started.
  return fail('callback-invalid');
}

/** oidc-client-ts navigators over the test stand-ins of `Cis2SignInOptions.navigation`. */
function testNavigators(navigation: NonNullable<Cis2SignInOptions['navigation']>): { redirect: INavigator; popup: INavigator } {
  return {
    redirect: {
      prepare: () =>
        Promise.resolve({
          navigate: ({ url }) => {
            navigation.redirect(url);
            return new Promise(() => undefined);
          },
          close: () => undefined,
        }),
      callback: () => Promise.resolve(),
    },
    popup: {
      prepare: () =>
        Promise.resolve({
          navigate: async ({ url }) => ({ url: await navigation.popup(url) }),
          close: () => undefined,
        }),
      callback: () => Promise.resolve(),
    },
  };
}
