import { startIdentityProvider } from '../../mocks/identity/identity-provider';

/**
 * Playwright globalSetup: starts the local CIS2-like OpenID provider (mocks/identity/README.md)
 * once for the run, on a free port, for the app served at CRL_E2E_PORT (playwright.config.ts).
 * Its issuer goes into process.env.CRL_IDP_ISSUER, which the workers inherit: globalSetup runs
 * in the runner before any worker starts. The returned function is the teardown.
 *
 * CRL_IDP_ACCESS_TOKEN_SECONDS shortens the access-token lifetime for the whole run; a spec
 * that needs its own lifetime can start its own provider with startIdentityProvider().
 */
export default async function identitySetup(): Promise<() => Promise<void>> {
  const port = process.env.CRL_E2E_PORT;
  if (port === undefined) throw new Error('identity-setup: CRL_E2E_PORT is chosen in playwright.config.ts, which must load first');
  const seconds = process.env.CRL_IDP_ACCESS_TOKEN_SECONDS;
  const provider = await startIdentityProvider({
    appOrigins: [`http://127.0.0.1:${port}`],
    ...(seconds === undefined ? {} : { accessTokenSeconds: Number(seconds) }),
  });
  process.env.CRL_IDP_ISSUER = provider.issuer;
  return () => provider.close();
}
