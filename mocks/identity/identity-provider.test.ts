// @vitest-environment node
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACR, CIS2_SCOPE_CLAIMS, DEFAULT_CLIENT_ID, startIdentityProvider, type IdentityProvider } from './identity-provider';
import { PEOPLE, type SyntheticPerson } from './people';

/**
 * A real authorisation code + PKCE flow against the local provider, with fetch: the interaction
 * pages are followed by posting their forms, and cookies are kept by hand, as a browser would.
 */

const APP = 'http://127.0.0.1:4999';
const OTHER_ORIGIN = 'http://127.0.0.1:4998';
const REDIRECT_URI = `${APP}/auth/callback`;
const SCOPE = 'openid profile nationalrbacaccess selectedrole associatedorgs';

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint: string;
  end_session_endpoint: string;
  code_challenge_methods_supported: string[];
  scopes_supported: string[];
  claims_supported: string[];
  acr_values_supported: string[];
}

/** A browser's cookie jar, enough for one host: the provider's cookies are path-scoped but signed. */
class Browser {
  private readonly cookies = new Map<string, string>();
  /** Every interaction page shown, by its heading: proves which pages a flow went through. */
  readonly pagesSeen: string[] = [];

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      const expired = value === '' || attributes.some((attribute) => /expires=Thu, 01 Jan 1970/i.test(attribute));
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return response;
  }

  /**
   * Follows redirects and self-submitting forms until the provider sends the browser back to the
   * app (returned) or shows a page that needs a person (returned, with its HTML).
   */
  async follow(url: string, init: RequestInit = {}): Promise<{ url: string; status: number; html?: string }> {
    let response = await this.request(url, init);
    let current = url;
    for (let hops = 0; hops < 20; hops += 1) {
      if (response.status >= 300 && response.status < 400) {
        current = new URL(response.headers.get('location')!, current).href;
        if (current.startsWith(APP)) return { url: current, status: response.status };
        response = await this.request(current);
        continue;
      }
      const html = await response.text();
      const heading = /<legend>([^<]+)<\/legend>/.exec(html)?.[1] ?? /<h1>([^<]+)<\/h1>/.exec(html)?.[1] ?? '';
      const selfSubmitting = /<form[^>]*method="post"[^>]*>/i.test(html) && !/type="radio"/.test(html) && /\.submit\(\)/.test(html);
      if (!selfSubmitting) {
        this.pagesSeen.push(heading);
        return { url: current, status: response.status, html };
      }
      const form = parseForm(html, current);
      response = await this.request(form.action, postForm(form.fields));
    }
    throw new Error('too many redirects');
  }
}

function parseForm(html: string, base: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]+)"/i.exec(html)?.[1];
  if (action === undefined) throw new Error(`no form on the page: ${html}`);
  const fields: Record<string, string> = {};
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields[name!] = value!;
  return { action: new URL(action.replace(/&amp;/g, '&'), base).href, fields };
}

const postForm = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

/** The radio labels on a page, as a person reads them. */
function radioLabels(html: string): string[] {
  return [...html.matchAll(/<input type="radio" id="([^"]+)"[\s\S]*?<label for="\1">([^<]+)<\/label>/g)].map(([, , label]) => label!.replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
}

function radioValue(html: string, label: string): string {
  for (const [, value, text] of html.matchAll(/<input type="radio" id="[^"]+" name="[^"]+" value="([^"]+)"[\s\S]*?<label for="[^"]+">([^<]+)<\/label>/g)) {
    if (text === label) return value!;
  }
  throw new Error(`no radio labelled ${label}`);
}

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeUrl(discovery: Discovery, extra: Record<string, string> = {}): { url: string; state: string } {
  const state = randomBytes(8).toString('hex');
  const url = new URL(discovery.authorization_endpoint);
  const params = { client_id: DEFAULT_CLIENT_ID, redirect_uri: REDIRECT_URI, response_type: 'code', scope: SCOPE, state, nonce: 'n-1', ...extra };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return { url: url.href, state };
}

interface SignIn {
  code: string;
  verifier: string;
}

/** Authorises as `person` (choosing `roleLabel` if asked) and returns the code for the token request. */
async function signIn(browser: Browser, discovery: Discovery, person: SyntheticPerson | undefined, options: { roleLabel?: string; prompt?: string } = {}): Promise<SignIn> {
  const { verifier, challenge } = pkce();
  const { url, state } = authorizeUrl(discovery, {
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...(options.prompt ? { prompt: options.prompt } : {}),
  });
  let step = await browser.follow(url);
  if (step.html !== undefined) {
    if (person === undefined) throw new Error('the provider asked who is signing in');
    const form = parseForm(step.html, step.url);
    step = await browser.follow(form.action, postForm({ ...form.fields, person: radioValue(step.html, person.name) }));
  }
  if (step.html !== undefined) {
    if (options.roleLabel === undefined) throw new Error(`the provider asked for a role: ${radioLabels(step.html).join(' | ')}`);
    const form = parseForm(step.html, step.url);
    step = await browser.follow(form.action, postForm({ ...form.fields, role: radioValue(step.html, options.roleLabel) }));
  }
  const callback = new URL(step.url);
  expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
  expect(callback.searchParams.get('state')).toBe(state);
  const code = callback.searchParams.get('code');
  if (code === null) throw new Error(`no code: ${callback.search}`);
  return { code, verifier };
}

function tokenRequest(discovery: Discovery, fields: Record<string, string>, origin = APP) {
  return fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: DEFAULT_CLIENT_ID, redirect_uri: REDIRECT_URI, ...fields }).toString(),
  });
}

interface Tokens {
  access_token: string;
  id_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
  refresh_token?: string;
}

async function tokensFor(discovery: Discovery, signedIn: SignIn): Promise<Tokens> {
  const response = await tokenRequest(discovery, { code: signedIn.code, code_verifier: signedIn.verifier });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Tokens;
}

function userinfo(discovery: Discovery, accessToken: string, origin = APP) {
  return fetch(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}`, origin } });
}

async function claimsOf(discovery: Discovery, accessToken: string): Promise<Record<string, unknown>> {
  const response = await userinfo(discovery, accessToken);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

const jwtPayload = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

async function discover(issuer: string): Promise<Discovery> {
  return (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Discovery;
}

describe('the local CIS2-like OpenID provider', () => {
  let idp: IdentityProvider;
  let discovery: Discovery;

  beforeAll(async () => {
    idp = await startIdentityProvider({ appOrigins: [APP], accessTokenSeconds: 300 });
    discovery = await discover(idp.issuer);
  });
  afterAll(() => idp.close());

  it('publishes CIS2’s scopes, claims, S256 only and AAL3_ANY at discovery, to any origin', async () => {
    expect(idp.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(discovery.issuer).toBe(idp.issuer);
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    expect(discovery.scopes_supported).toEqual(expect.arrayContaining(Object.keys(CIS2_SCOPE_CLAIMS)));
    expect(discovery.claims_supported).toEqual(expect.arrayContaining(['nhsid_nrbac_roles', 'selected_roleid', 'nhsid_user_orgs', 'name', 'acr']));
    expect(discovery.acr_values_supported).toEqual([ACR]);
    const response = await fetch(`${idp.issuer}/.well-known/openid-configuration`, { headers: { origin: APP } });
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
  });

  it('signs in a person with one role without asking for it, and serves their CIS2 claims from userinfo', async () => {
    const browser = new Browser();
    const tokens = await tokensFor(discovery, await signIn(browser, discovery, PEOPLE.paramedic));
    expect(browser.pagesSeen).toEqual(['Sign in as']);

    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 300, scope: SCOPE });
    expect(tokens.refresh_token).toBeUndefined();
    const idToken = jwtPayload(tokens.id_token);
    expect(idToken).toMatchObject({ iss: idp.issuer, aud: DEFAULT_CLIENT_ID, sub: PEOPLE.paramedic.sub, acr: ACR, nonce: 'n-1' });
    // Scope claims come from userinfo only (oidc-provider's conformIdTokenClaims): the app reads userinfo.
    expect(idToken.nhsid_nrbac_roles).toBeUndefined();

    expect(await claimsOf(discovery, tokens.access_token)).toEqual({
      sub: PEOPLE.paramedic.sub,
      name: 'Alex Synthetic-Paramedic',
      given_name: 'Alex',
      family_name: 'Synthetic-Paramedic',
      nhsid_nrbac_roles: PEOPLE.paramedic.nhsid_nrbac_roles,
      nhsid_user_orgs: PEOPLE.paramedic.nhsid_user_orgs,
      selected_roleid: PEOPLE.paramedic.nhsid_nrbac_roles[0]!.person_roleid,
    });
  });

  it.each([
    ['clinicalLead', 'R8000'],
    ['trainer', 'R8008'],
    ['noEligibleRole', 'R8001'],
  ] as const)('gives %s their single role (%s) as the selected role', async (key, code) => {
    const tokens = await tokensFor(discovery, await signIn(new Browser(), discovery, PEOPLE[key]));
    const claims = await claimsOf(discovery, tokens.access_token);
    const [role] = PEOPLE[key].nhsid_nrbac_roles;
    expect(role!.role_code.endsWith(code)).toBe(true);
    expect(claims.selected_roleid).toBe(role!.person_roleid);
    expect(claims.nhsid_nrbac_roles).toEqual([role]);
  });

  it('asks a person with several roles to choose one, and names the chosen one in selected_roleid', async () => {
    const browser = new Browser();
    const { url } = authorizeUrl(discovery, { ...{ code_challenge: pkce().challenge, code_challenge_method: 'S256' } });
    const signInPage = await browser.follow(url);
    const form = parseForm(signInPage.html!, signInPage.url);
    const rolePage = await browser.follow(form.action, postForm({ person: PEOPLE.severalRoles.sub }));
    expect(rolePage.status).toBe(200);
    expect(radioLabels(rolePage.html!)).toEqual([
      'Health Professional Access Role, Synthetic Ambulance Service NHS Trust (RX8)',
      'Clinical Practitioner Access Role, Synthetic Urgent Care NHS Trust (RX9)',
    ]);

    const tokens = await tokensFor(
      discovery,
      await signIn(new Browser(), discovery, PEOPLE.severalRoles, { roleLabel: 'Clinical Practitioner Access Role, Synthetic Urgent Care NHS Trust (RX9)' }),
    );
    const claims = await claimsOf(discovery, tokens.access_token);
    expect(claims.selected_roleid).toBe('999911110105');
    expect(claims.nhsid_nrbac_roles).toHaveLength(2);
  });

  it('refuses a role the person does not hold', async () => {
    const browser = new Browser();
    const { url } = authorizeUrl(discovery, { code_challenge: pkce().challenge, code_challenge_method: 'S256' });
    const signInPage = await browser.follow(url);
    const action = parseForm(signInPage.html!, signInPage.url).action.replace(/\/login$/, '/role');
    const refused = await browser.follow(action, postForm({ person: PEOPLE.severalRoles.sub, role: PEOPLE.paramedic.nhsid_nrbac_roles[0]!.person_roleid }));
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('Choose a role');
  });

  it('does not ask again while signed in, but prompt=login shows the pages again to change role', async () => {
    const browser = new Browser();
    const first = await tokensFor(discovery, await signIn(browser, discovery, PEOPLE.severalRoles, { roleLabel: 'Health Professional Access Role, Synthetic Ambulance Service NHS Trust (RX8)' }));
    expect(browser.pagesSeen).toEqual(['Sign in as', 'Choose your role']);

    const silent = await tokensFor(discovery, await signIn(browser, discovery, undefined));
    expect(browser.pagesSeen).toHaveLength(2);
    expect((await claimsOf(discovery, silent.access_token)).selected_roleid).toBe('999911110104');

    const changed = await tokensFor(
      discovery,
      await signIn(browser, discovery, PEOPLE.severalRoles, { prompt: 'login', roleLabel: 'Clinical Practitioner Access Role, Synthetic Urgent Care NHS Trust (RX9)' }),
    );
    expect(browser.pagesSeen).toEqual(['Sign in as', 'Choose your role', 'Sign in as', 'Choose your role']);
    expect((await claimsOf(discovery, changed.access_token)).selected_roleid).toBe('999911110105');
    // A change of role starts a new grant: the earlier role's token is no longer accepted.
    expect((await userinfo(discovery, first.access_token)).status).toBe(401);
  });

  it('lets a different person sign in on the same browser with prompt=login (the provider ends the first session itself)', async () => {
    const browser = new Browser();
    await tokensFor(discovery, await signIn(browser, discovery, PEOPLE.paramedic));
    const second = await tokensFor(discovery, await signIn(browser, discovery, PEOPLE.secondParamedic, { prompt: 'login' }));
    expect((await claimsOf(discovery, second.access_token)).sub).toBe(PEOPLE.secondParamedic.sub);
  });

  it('requires PKCE: no challenge, the plain method, or no verifier is refused', async () => {
    const noChallenge = new URL((await new Browser().follow(authorizeUrl(discovery).url)).url);
    expect(noChallenge.searchParams.get('error')).toBe('invalid_request');
    expect(noChallenge.searchParams.get('error_description')).toMatch(/PKCE/);

    const plain = new URL((await new Browser().follow(authorizeUrl(discovery, { code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' }).url)).url);
    expect(plain.searchParams.get('error')).toBe('invalid_request');
    expect(plain.searchParams.get('error_description')).toMatch(/code_challenge_method/);

    const signedIn = await signIn(new Browser(), discovery, PEOPLE.paramedic);
    const withoutVerifier = await tokenRequest(discovery, { code: signedIn.code });
    expect(withoutVerifier.status).toBe(400);
    expect(await withoutVerifier.json()).toMatchObject({ error: 'invalid_grant' });
    const wrongVerifier = await tokenRequest(discovery, { code: signedIn.code, code_verifier: pkce().verifier });
    expect(await wrongVerifier.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a redirect_uri it does not know, without redirecting there', async () => {
    const { url } = authorizeUrl(discovery, { redirect_uri: 'https://attacker.example/auth/callback', code_challenge: pkce().challenge, code_challenge_method: 'S256' });
    const response = await new Browser().request(url);
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('redirect_uri did not match any of the client');
  });

  it('allows CORS for the app origin on token and userinfo, and refuses another origin', async () => {
    const signedIn = await signIn(new Browser(), discovery, PEOPLE.paramedic);
    const response = await tokenRequest(discovery, { code: signedIn.code, code_verifier: signedIn.verifier });
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    const { access_token } = (await response.json()) as Tokens;
    expect((await userinfo(discovery, access_token)).headers.get('access-control-allow-origin')).toBe(APP);

    const foreign = await userinfo(discovery, access_token, OTHER_ORIGIN);
    expect(foreign.status).toBe(400);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const other = await signIn(new Browser(), discovery, PEOPLE.paramedic);
    const foreignToken = await tokenRequest(discovery, { code: other.code, code_verifier: other.verifier }, OTHER_ORIGIN);
    expect(foreignToken.status).toBe(400);
  });

  it('signs out at the end-session endpoint without a confirmation tap, returns to the app, and asks again next time', async () => {
    const browser = new Browser();
    const tokens = await tokensFor(discovery, await signIn(browser, discovery, PEOPLE.paramedic));
    const logout = new URL(discovery.end_session_endpoint);
    logout.searchParams.set('id_token_hint', tokens.id_token);
    logout.searchParams.set('post_logout_redirect_uri', `${APP}/`);
    const back = await browser.follow(logout.href);
    expect(back.url).toBe(`${APP}/`);
    expect(browser.pagesSeen).toEqual(['Sign in as']);

    await signIn(browser, discovery, PEOPLE.paramedic);
    expect(browser.pagesSeen).toEqual(['Sign in as', 'Sign in as']);
  });
});

describe('access-token lifetime', () => {
  let idp: IdentityProvider;
  beforeAll(async () => {
    idp = await startIdentityProvider({ appOrigins: [APP], accessTokenSeconds: 1 });
  });
  afterAll(() => idp.close());

  it('honours a short lifetime: userinfo refuses the token once it has run out', async () => {
    const discovery = await discover(idp.issuer);
    const tokens = await tokensFor(discovery, await signIn(new Browser(), discovery, PEOPLE.paramedic));
    expect(tokens.expires_in).toBe(1);
    expect((await userinfo(discovery, tokens.access_token)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const expired = await userinfo(discovery, tokens.access_token);
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toMatch(/invalid_token/);
  });
});
