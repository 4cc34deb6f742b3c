import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type AccessToken, type AuthorizationCode, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { ACR, interactionRoutes, logoutSource, postLogoutSuccessSource, renderError } from './interaction-pages';

export { ACR };
import { findPerson } from './people';

/**
 * A real OpenID provider (`oidc-provider`, OpenID Certified) configured like NHS CIS2
 * (docs/national-apis.md §6.5, mocks/identity/README.md), for development and the e2e suite.
 * oidc-provider does the protocol; this file supplies its configuration, the synthetic people
 * (people.ts) and CIS2's sign-in and role-selection pages (interaction-pages.ts).
 */

export const DEFAULT_CLIENT_ID = 'crew-record-locator';

/** The scopes and the claims each releases, as CIS2 publishes them. */
export const CIS2_SCOPE_CLAIMS = {
  openid: ['sub'],
  profile: ['name', 'given_name', 'family_name'],
  nationalrbacaccess: ['nhsid_nrbac_roles'],
  selectedrole: ['selected_roleid'],
  associatedorgs: ['nhsid_user_orgs'],
} as const;

export interface IdentityProviderOptions {
  /** 0 (the default) takes a free port. */
  readonly port?: number;
  /** Origins of the app, e.g. `http://127.0.0.1:4173`: each gets `/auth/callback`, `/` and CORS. */
  readonly appOrigins: readonly string[];
  readonly clientId?: string;
  /** Access-token lifetime (default one hour). The e2e suite shortens it to watch expiry. */
  readonly accessTokenSeconds?: number;
  /** How long a sign-in at the provider lasts before the pages are shown again (default 12 hours). */
  readonly sessionSeconds?: number;
}

export interface IdentityProvider {
  /** e.g. `http://127.0.0.1:41234`: discovery is at `${issuer}/.well-known/openid-configuration`. */
  readonly issuer: string;
  readonly clientId: string;
  close(): Promise<void>;
}

/** The selected role per grant: each sign-in (and each change of role) makes a new grant. */
type SelectedRoles = Map<string, string>;

function configuration(options: Required<Omit<IdentityProviderOptions, 'port'>>, selectedRoles: SelectedRoles): Configuration {
  const { appOrigins, clientId, accessTokenSeconds, sessionSeconds } = options;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  return {
    clients: [
      {
        client_id: clientId,
        client_name: 'Crew Record Locator',
        // A browser app holds no secret: a public client, so PKCE is its only proof.
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        // CIS2 states the assurance of every sign-in: acr is in each ID token, not only when asked.
        default_acr_values: [ACR],
        redirect_uris: appOrigins.map((origin) => `${origin}/auth/callback`),
        post_logout_redirect_uris: appOrigins.map((origin) => `${origin}/`),
      },
    ],
    // oidc-provider accepts only S256; required for every client, not just public ones.
    pkce: { required: () => true },
    scopes: Object.keys(CIS2_SCOPE_CLAIMS),
    claims: { ...CIS2_SCOPE_CLAIMS, acr: null, auth_time: null, sid: null },
    acrValues: [ACR],
    // Expiry to the second (oidc-provider allows 15 s by default), so a short-lived token in an
    // e2e test is refused as soon as its expires_in has passed.
    clockTolerance: 0,
    // The app reads the person's claims from userinfo (CIS2's guidance). With an access token
    // issued, oidc-provider keeps scope claims out of the ID token (conformIdTokenClaims, default).
    conformIdTokenClaims: true,
    async findAccount(_ctx: KoaContextWithOIDC, sub: string, token?: unknown) {
      const person = findPerson(sub);
      if (person === undefined) return undefined;
      const grantId = (token as AccessToken | AuthorizationCode | undefined)?.grantId;
      const selected = grantId === undefined ? undefined : selectedRoles.get(grantId);
      return {
        accountId: sub,
        claims: () => ({
          sub,
          name: person.name,
          given_name: person.given_name,
          family_name: person.family_name,
          nhsid_nrbac_roles: person.nhsid_nrbac_roles,
          nhsid_user_orgs: person.nhsid_user_orgs,
          ...(selected === undefined ? {} : { selected_roleid: selected }),
        }),
      };
    },
    // No consent page: our client is granted what it asks for. A role chosen on the interaction
    // pages (or picked because it was the only one) starts a new grant that remembers it.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session, result, params } = ctx.oidc;
      if (client === undefined || session === undefined || session.accountId === undefined) return undefined;
      const chosenRole = typeof result?.selectedRoleId === 'string' ? result.selectedRoleId : undefined;
      const existingId = chosenRole === undefined ? session.grantIdFor(client.clientId) : undefined;
      let grant = existingId === undefined ? undefined : await ctx.oidc.provider.Grant.find(existingId);
      grant ??= new ctx.oidc.provider.Grant({ accountId: session.accountId, clientId: client.clientId });
      grant.addOIDCScope(String(params?.scope ?? 'openid'));
      await grant.save();
      if (chosenRole !== undefined) selectedRoles.set(grant.jti, chosenRole);
      return grant;
    },
    // Token and userinfo calls come from the app's page, on another origin.
    clientBasedCORS: (_ctx, origin) => appOrigins.includes(origin),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      revocation: { enabled: true },
    },
    renderError,
    ttl: {
      AccessToken: accessTokenSeconds,
      AuthorizationCode: 60,
      IdToken: accessTokenSeconds,
      Interaction: 10 * 60,
      Session: sessionSeconds,
      Grant: sessionSeconds,
    },
    cookies: {
      // Cookies ignore ports: names of our own, so they cannot be mistaken for the app's.
      names: { session: 'crl_idp_session', interaction: 'crl_idp_interaction', resume: 'crl_idp_resume' },
      keys: [randomBytes(32).toString('base64url')],
    },
    jwks: { keys: [{ ...signingKey, kid: 'crl-idp-signing', use: 'sig', alg: 'RS256' }] },
  } as Configuration;
}

export async function startIdentityProvider(options: IdentityProviderOptions): Promise<IdentityProvider> {
  const clientId = options.clientId ?? DEFAULT_CLIENT_ID;
  const selectedRoles: SelectedRoles = new Map();
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(
    issuer,
    configuration(
      {
        appOrigins: options.appOrigins,
        clientId,
        accessTokenSeconds: options.accessTokenSeconds ?? 60 * 60,
        sessionSeconds: options.sessionSeconds ?? 12 * 60 * 60,
      },
      selectedRoles,
    ),
  );
  provider.use(interactionRoutes(provider));
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
