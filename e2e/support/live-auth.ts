import { DEFAULT_CLIENT_ID } from '../../mocks/identity/identity-provider';

/** The scope the app asks CIS2 for (issue 10): the person, their roles, the role chosen and organisation names. */
export const LIVE_AUTH_SCOPE = 'openid profile nationalrbacaccess selectedrole associatedorgs';

/**
 * The `auth` block of a live config.json pointing at the local provider the e2e run started
 * (e2e/support/identity-setup.ts). Call it inside a test or fixture, not at import: the issuer
 * is known only once globalSetup has run.
 */
export function liveAuthConfig(authority: string | undefined = process.env.CRL_IDP_ISSUER) {
  if (authority === undefined) throw new Error('CRL_IDP_ISSUER is not set: e2e/support/identity-setup.ts starts the provider (globalSetup)');
  return {
    authority,
    clientId: DEFAULT_CLIENT_ID,
    scope: LIVE_AUTH_SCOPE,
    roles: { paramedic: ['R8003'], clinicalLead: ['R8000'], trainer: ['R8008'] },
  };
}
