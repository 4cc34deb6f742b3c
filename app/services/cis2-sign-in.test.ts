// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RoleGrants } from '../domain/signed-in-person';
import { CALLBACK_PATH, createCis2SignIn, safeReturnTo, type Cis2SignInOptions } from './cis2-sign-in';
import { SignInError, type SignInService } from './sign-in-service';

/**
 * The sign-in service with the real oidc-client-ts against a fake CIS2 at the network boundary
 * (`fetch` for discovery, token and userinfo; the browser's trips to the authorize endpoint
 * through the `navigation` stand-ins). The fake checks what a provider checks: the code is
 * single-use, the redirect_uri matches, and the PKCE verifier hashes to the challenge.
 */

const AUTHORITY = 'https://cis2.test/openam/oauth2/realms/root/realms/oidc';
const ORIGIN = 'https://crl.test';
const CLIENT_ID = '999999999999.apps.national';
const SCOPE = 'openid profile nationalrbacaccess selectedrole';
const GRANTS: RoleGrants = { paramedic: ['R8003'], clinicalLead: ['R8000'], trainer: ['R8008'] };
const EXPIRES_IN = 600;

type Claims = Record<string, unknown>;

const PEOPLE: Record<string, Claims> = {
  paramedic: {
    sub: '910000000001',
    name: 'Alex Morgan',
    nhsid_nrbac_roles: [
      { person_roleid: '555000000001', org_code: 'RX8', role_code: 'S8000:G8000:R8003', role_name: '"Clinical":"Clinical Provision":"Health Professional Access Role"' },
    ],
    nhsid_user_orgs: [{ org_code: 'RX8', org_name: 'EAST MIDLANDS AMBULANCE SERVICE NHS TRUST' }],
  },
  lead: {
    sub: '910000000002',
    given_name: 'Sam',
    family_name: 'Okafor',
    nhsid_nrbac_roles: [
      { person_roleid: '555000000002', org_code: 'RX8', role_code: 'S8000:G8000:R8000', role_name: '"Clinical":"Clinical Provision":"Clinical Practitioner Access Role"' },
    ],
  },
  roleless: { sub: '910000000003', name: 'Jo Bloggs', nhsid_nrbac_roles: [] },
};

const b64url = (value: string | ArrayBuffer) => Buffer.from(typeof value === 'string' ? value : new Uint8Array(value)).toString('base64url');

/** A fake CIS2: discovery, authorize (as a function), token, userinfo and end-session. */
function fakeCis2() {
  const codes = new Map<string, { person: string; challenge: string; redirectUri: string; nonce: string | null }>();
  const accessTokens = new Map<string, string>();
  const issued: string[] = [];
  const calls: { url: string; authorization: string | null }[] = [];
  let next = 0;
  let person = 'paramedic';
  let unreachable = false;

  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

  async function fetchImpl(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init);
    calls.push({ url: request.url, authorization: request.headers.get('Authorization') });
    if (unreachable) throw new TypeError('Failed to fetch');
    const url = new URL(request.url);
    switch (`${request.method} ${url.origin}${url.pathname}`) {
      case `GET ${AUTHORITY}/.well-known/openid-configuration`:
        return json({
          issuer: AUTHORITY,
          authorization_endpoint: `${AUTHORITY}/authorize`,
          token_endpoint: `${AUTHORITY}/access_token`,
          userinfo_endpoint: `${AUTHORITY}/userinfo`,
          end_session_endpoint: `${AUTHORITY}/connect/endSession`,
          jwks_uri: `${AUTHORITY}/connect/jwk_uri`,
          code_challenge_methods_supported: ['S256'],
        });
      case `POST ${AUTHORITY}/access_token`: {
        const form = new URLSearchParams(await request.text());
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const hashed = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
        if (!grant || form.get('grant_type') !== 'authorization_code' || form.get('client_id') !== CLIENT_ID || form.get('redirect_uri') !== grant.redirectUri || hashed !== grant.challenge) {
          return json({ error: 'invalid_grant', error_description: 'code, redirect_uri or code_verifier wrong' }, 400);
        }
        const claims = PEOPLE[grant.person]!;
        const accessToken = `at-${++next}-${grant.person}`;
        const now = Math.floor(Date.now() / 1000);
        const idToken = [
          b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' })),
          b64url(JSON.stringify({ iss: AUTHORITY, aud: CLIENT_ID, sub: claims.sub, iat: now, exp: now + EXPIRES_IN, acr: 'AAL3_ANY', nonce: grant.nonce ?? undefined, selected_roleid: (claims.nhsid_nrbac_roles as { person_roleid: string }[])[0]?.person_roleid })),
          'signature',
        ].join('.');
        accessTokens.set(accessToken, grant.person);
        issued.push(accessToken, idToken);
        return json({ access_token: accessToken, id_token: idToken, token_type: 'Bearer', expires_in: EXPIRES_IN, scope: SCOPE, refresh_token: `rt-${next}` });
      }
      case `GET ${AUTHORITY}/userinfo`: {
        const who = accessTokens.get(request.headers.get('Authorization')?.replace(/^Bearer /, '') ?? '');
        return who ? json({ ...PEOPLE[who], some_future_claim: { x: 1 } }) : json({ error: 'invalid_token' }, 401);
      }
      default:
        return json({ error: 'not_found' }, 404);
    }
  }

  return {
    fetch: vi.fn(fetchImpl),
    calls,
    /** Every token and ID token issued, to look for on the device. */
    issued,
    signsInAs(name: string) {
      person = name;
    },
    goOffline() {
      unreachable = true;
    },
    /** The person signs in at CIS2: returns where CIS2 sends the browser back to. */
    authorize(authorizeUrl: string): string {
      const params = new URL(authorizeUrl).searchParams;
      const code = `code-${++next}`;
      codes.set(code, { person, challenge: params.get('code_challenge') ?? '', redirectUri: params.get('redirect_uri') ?? '', nonce: params.get('nonce') });
      const back = new URL(params.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', params.get('state') ?? '');
      return back.href;
    },
  };
}

let provider: ReturnType<typeof fakeCis2>;
let redirects: string[];
let popup: (url: string) => Promise<string>;

beforeEach(() => {
  provider = fakeCis2();
  vi.stubGlobal('fetch', provider.fetch);
  redirects = [];
  popup = async (url) => provider.authorize(url);
  sessionStorage.clear();
  localStorage.clear();
  localStorage.clear();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function service(overrides: Partial<Cis2SignInOptions> = {}): SignInService {
  return createCis2SignIn({
    authority: AUTHORITY,
    clientId: CLIENT_ID,
    scope: SCOPE,
    roles: GRANTS,
    origin: ORIGIN,
    navigation: { redirect: (url) => redirects.push(url), popup: (url) => popup(url) },
    ...overrides,
  });
}

/** Starts a sign-in and returns the URL the browser was sent to (signIn itself never settles: the page has left). */
async function leaveForCis2(signIn: SignInService, options: { returnTo: string; selectRole?: boolean }): Promise<URL> {
  const before = redirects.length;
  void signIn.signIn(options);
  await vi.waitFor(() => expect(redirects.length).toBe(before + 1));
  return new URL(redirects.at(-1)!);
}

/** A full sign-in as a page sees it: leave for CIS2, come back to a freshly loaded page. */
async function signedIn(returnTo = '/lookup', overrides: Partial<Cis2SignInOptions> = {}) {
  const authorize = await leaveForCis2(service(overrides), { returnTo });
  const callbackUrl = provider.authorize(authorize.href);
  const page = service(overrides);
  const result = await page.completeSignIn(callbackUrl);
  return { page, result, callbackUrl };
}

function storedText(storage: Storage): string {
  let text = '';
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)!;
    text += `${key}=${storage.getItem(key)}\n`;
  }
  return text;
}

async function rejection(promise: Promise<unknown>): Promise<SignInError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SignInError);
  return error as SignInError;
}

describe('createCis2SignIn', () => {
  it('sends the browser to CIS2 for the authorisation code flow with PKCE S256, the callback on this origin and the configured scope', async () => {
    const url = await leaveForCis2(service(), { returnTo: '/lookup' });
    expect(`${url.origin}${url.pathname}`).toBe(`${AUTHORITY}/authorize`);
    const params = url.searchParams;
    expect(params.get('response_type')).toBe('code');
    expect(params.get('client_id')).toBe(CLIENT_ID);
    expect(params.get('redirect_uri')).toBe(`${ORIGIN}${CALLBACK_PATH}`);
    expect(params.get('scope')).toBe(SCOPE);
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('state')).toBeTruthy();
    expect(params.has('prompt')).toBe(false);
  });

  it('asks CIS2 to let the person choose their role again with prompt=login', async () => {
    const url = await leaveForCis2(service(), { returnTo: '/', selectRole: true });
    expect(url.searchParams.get('prompt')).toBe('login');
  });

  it('keeps only the sign-in state in sessionStorage while away at CIS2: the PKCE verifier, never in localStorage', async () => {
    await leaveForCis2(service(), { returnTo: '/lookup' });
    expect(storedText(sessionStorage)).toMatch(/^crl\.oidc\..*code_verifier/);
    expect(localStorage.length).toBe(0);
  });

  it('completes the callback on a freshly loaded page: the person, their role and the path to return to', async () => {
    const { page, result } = await signedIn('/lookup?nhs=9000000009');
    expect(result.returnTo).toBe('/lookup?nhs=9000000009');
    expect(result.person).toMatchObject({ id: '910000000001', name: 'Alex Morgan', appRoles: ['paramedic'], organisationName: 'EAST MIDLANDS AMBULANCE SERVICE NHS TRUST' });
    expect(result.person.role.personRoleId).toBe('555000000001');
    const snapshot = page.getSnapshot();
    expect(snapshot).toMatchObject({ state: 'signed-in', person: result.person });
    expect(snapshot.state === 'signed-in' && Date.parse(snapshot.expiresAt) - Date.now()).toBeGreaterThan((EXPIRES_IN - 5) * 1000);
    expect(page.accessToken()).toBe('at-2-paramedic');
  });

  it('reads userinfo once, with the access token, at sign-in', async () => {
    await signedIn();
    const userinfo = provider.calls.filter((call) => call.url === `${AUTHORITY}/userinfo`);
    expect(userinfo).toEqual([{ url: `${AUTHORITY}/userinfo`, authorization: 'Bearer at-2-paramedic' }]);
  });

  it('leaves no token in localStorage or sessionStorage after sign-in (and no sign-in state either)', async () => {
    const { page } = await signedIn();
    expect(page.accessToken()).toBeDefined();
    expect(provider.issued.length).toBe(2);
    const stored = storedText(localStorage) + storedText(sessionStorage);
    for (const token of [...provider.issued, 'rt-']) expect(stored).not.toContain(token);
    expect(storedText(sessionStorage)).not.toMatch(/crl\.oidc\./);
  });

  it('refuses a callback replayed, or one this browser did not start, as callback-invalid', async () => {
    const { callbackUrl } = await signedIn();
    expect((await rejection(service().completeSignIn(callbackUrl))).kind).toBe('callback-invalid');
    expect((await rejection(service().completeSignIn(`${ORIGIN}${CALLBACK_PATH}?code=x&state=forged`))).kind).toBe('callback-invalid');
    expect((await rejection(service().completeSignIn(`${ORIGIN}/lookup?code=x&state=y`))).kind).toBe('callback-invalid');
  });

  it('refuses a code whose PKCE verifier does not match (the provider says invalid_grant) as callback-invalid', async () => {
    const authorize = await leaveForCis2(service(), { returnTo: '/' });
    authorize.searchParams.set('code_challenge', 'A'.repeat(43));
    const error = await rejection(service().completeSignIn(provider.authorize(authorize.href)));
    expect(error.kind).toBe('callback-invalid');
    expect(error.detail).toMatch(/code_verifier/);
  });

  it("maps CIS2's error answer (the person cancelled) to refused", async () => {
    const authorize = await leaveForCis2(service(), { returnTo: '/' });
    const state = authorize.searchParams.get('state');
    const error = await rejection(service().completeSignIn(`${ORIGIN}${CALLBACK_PATH}?error=access_denied&state=${state}`));
    expect(error.kind).toBe('refused');
  });

  it('maps no signal at sign-in to provider-unreachable', async () => {
    provider.goOffline();
    expect((await rejection(service().signIn({ returnTo: '/' }))).kind).toBe('provider-unreachable');
  });

  it('a person with no role: claims-invalid, no token kept, and Sign out still ends their CIS2 session', async () => {
    provider.signsInAs('roleless');
    const authorize = await leaveForCis2(service(), { returnTo: '/' });
    const page = service();
    const error = await rejection(page.completeSignIn(provider.authorize(authorize.href)));
    expect(error.kind).toBe('claims-invalid');
    expect(page.getSnapshot()).toEqual({ state: 'signed-out' });
    expect(page.accessToken()).toBeUndefined();
    void page.signOut();
    await vi.waitFor(() => expect(redirects.at(-1)).toMatch(/endSession/));
    expect(new URL(redirects.at(-1)!).searchParams.get('id_token_hint')).toBe(provider.issued[1]);
  });

  it('a sign-out with no signal drops the tokens without leaving the page, and the next sign-in asks for the person again', async () => {
    const { page } = await signedIn();
    const before = redirects.length;
    await page.signOut({ local: true });
    expect(redirects.length).toBe(before);
    expect(page.getSnapshot()).toEqual({ state: 'signed-out' });
    expect(page.accessToken()).toBeUndefined();

    // A reloaded page: CIS2 still has that person's session, so whoever signs in must prove who they are.
    const next = await leaveForCis2(service(), { returnTo: '/' });
    expect(next.searchParams.get('prompt')).toBe('login');
    await service().completeSignIn(provider.authorize(next.href));
    expect((await leaveForCis2(service(), { returnTo: '/' })).searchParams.has('prompt')).toBe(false);
  });

  it("carries returnTo through CIS2, but only as an in-app path: '//evil.test' comes back as '/'", async () => {
    expect((await signedIn('//evil.test/phish')).result.returnTo).toBe('/');
    expect((await signedIn('https://evil.test/')).result.returnTo).toBe('/');
  });

  it("raises 'expiring' before the token ends and 'expired' when it has, and then gives no token", async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { page } = await signedIn();
    const states: string[] = [];
    page.subscribe(() => states.push(page.getSnapshot().state));

    vi.advanceTimersByTime((EXPIRES_IN - 150) * 1000);
    expect(page.getSnapshot().state).toBe('signed-in');
    vi.advanceTimersByTime(60 * 1000);
    await vi.waitFor(() => expect(page.getSnapshot().state).toBe('expiring'));
    expect(page.accessToken()).toBe('at-2-paramedic');

    vi.advanceTimersByTime(100 * 1000);
    await vi.waitFor(() => expect(page.getSnapshot().state).toBe('expired'));
    expect(page.accessToken()).toBeUndefined();
    expect(states).toEqual(['expiring', 'expired']);
    const snapshot = page.getSnapshot();
    expect(snapshot.state === 'expired' && snapshot.person.id).toBe('910000000001');
  });

  it('judges expiry by its clock too, so a tablet woken from sleep sends no stale token', async () => {
    let clock = Date.now();
    const { page } = await signedIn('/', { now: () => new Date(clock) });
    expect(page.accessToken()).toBeDefined();
    clock += (EXPIRES_IN + 1) * 1000;
    expect(page.accessToken()).toBeUndefined();
    expect(page.getSnapshot().state).toBe('expired');
  });

  it('markExpired (a 401) ends the token at once; signing in again in the popup brings the session back, possibly as someone else', async () => {
    const { page } = await signedIn();
    page.markExpired();
    expect(page.getSnapshot().state).toBe('expired');
    expect(page.accessToken()).toBeUndefined();

    const popupUrls: string[] = [];
    popup = async (url) => {
      popupUrls.push(url);
      return provider.authorize(url);
    };
    provider.signsInAs('lead');
    const person = await page.signInAgain();
    expect(person).toMatchObject({ id: '910000000002', name: 'Sam Okafor', appRoles: ['clinicalLead'] });
    expect(page.getSnapshot()).toMatchObject({ state: 'signed-in', person });
    expect(page.accessToken()).toBe('at-4-lead');
    expect(new URL(popupUrls[0]!).searchParams.get('state')).toMatch(/;crl-popup$/);
    expect(new URL(popupUrls[0]!).searchParams.get('redirect_uri')).toBe(`${ORIGIN}${CALLBACK_PATH}`);
  });

  it('a closed popup fails popup-closed and leaves the session as it was', async () => {
    const { page } = await signedIn();
    page.markExpired();
    popup = () => Promise.reject(new Error('Popup closed by user'));
    expect((await rejection(page.signInAgain())).kind).toBe('popup-closed');
    expect(page.getSnapshot().state).toBe('expired');
  });

  it('sign-out drops the tokens first, then ends the CIS2 session with id_token_hint and returns to the app', async () => {
    const { page } = await signedIn();
    void page.signOut();
    expect(page.getSnapshot()).toEqual({ state: 'signed-out' });
    expect(page.accessToken()).toBeUndefined();
    await vi.waitFor(() => expect(redirects.at(-1)).toMatch(/endSession/));
    const end = new URL(redirects.at(-1)!);
    expect(`${end.origin}${end.pathname}`).toBe(`${AUTHORITY}/connect/endSession`);
    expect(end.searchParams.get('id_token_hint')).toBe(provider.issued[1]);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${ORIGIN}/`);
  });

  it('in the sign-in-again popup, hands the callback to the opener (bare state id) and does not exchange the code itself', async () => {
    const channel = new BroadcastChannel('oidc-client-popup-abc123');
    const received = new Promise<{ url: string }>((resolve) => channel.addEventListener('message', (event) => resolve((event as MessageEvent).data)));
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    const popupPage = createCis2SignIn({ authority: AUTHORITY, clientId: CLIENT_ID, scope: SCOPE, roles: GRANTS, origin: ORIGIN });
    void popupPage.completeSignIn(`${ORIGIN}${CALLBACK_PATH}?code=c1&state=abc123%3Bcrl-popup`);
    const message = await received;
    channel.close();
    expect(new URL(message.url).searchParams.get('state')).toBe('abc123');
    expect(new URL(message.url).searchParams.get('code')).toBe('c1');
    expect(close).toHaveBeenCalled();
    expect(provider.calls.filter((call) => call.url.includes('access_token'))).toEqual([]);
  });

  it('knows its callback URL', () => {
    const signIn = service();
    expect(signIn.isCallback(`${ORIGIN}${CALLBACK_PATH}?code=1&state=2`)).toBe(true);
    expect(signIn.isCallback(`${ORIGIN}/lookup`)).toBe(false);
    expect(signIn.isCallback(`https://evil.test${CALLBACK_PATH}?code=1`)).toBe(false);
    expect(signIn.isCallback('not a url')).toBe(false);
  });
});

describe('safeReturnTo', () => {
  it.each([
    ['/lookup', '/lookup'],
    ['/lookup?nhs=9000000009#plan', '/lookup?nhs=9000000009#plan'],
    ['/', '/'],
    ['//evil.test/x', '/'],
    ['/\\evil.test', '/'],
    ['https://evil.test/', '/'],
    ['lookup', '/'],
    ['', '/'],
    [CALLBACK_PATH, '/'],
    ['/\tevil', '/'],
    [undefined, '/'],
    [42, '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });
});
