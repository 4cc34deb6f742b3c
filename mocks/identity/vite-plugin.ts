import type { AddressInfo } from 'node:net';
import type { Plugin } from 'vite';
import type * as IdentityProviderModule from './identity-provider';

/**
 * `CRL_IDP=1 npm run dev`: starts the local CIS2-like OpenID provider next to the dev server and
 * prints the `auth` block for a live config.json. Dev server only (apply: 'serve'), and the
 * provider is loaded (by the dev server's module loader) only when asked for, so builds and
 * tests never load it.
 * CRL_IDP_PORT fixes its port (default 5180) so the printed authority stays the same.
 */
export function localIdentityProvider(): Plugin {
  return {
    name: 'crl-local-identity-provider',
    apply: 'serve',
    configureServer(server) {
      if (process.env.CRL_IDP !== '1' || server.httpServer === null) return;
      const httpServer = server.httpServer;
      httpServer.once('listening', async () => {
        const { port } = httpServer.address() as AddressInfo;
        // Through Vite's own module loader, not import(): the config bundler would otherwise pull
        // oidc-provider into every build's config (and Node 20 cannot import .ts itself).
        const { startIdentityProvider, DEFAULT_CLIENT_ID } = (await server.ssrLoadModule('/mocks/identity/identity-provider.ts')) as typeof IdentityProviderModule;
        const provider = await startIdentityProvider({
          port: Number(process.env.CRL_IDP_PORT ?? 5180),
          appOrigins: [`http://127.0.0.1:${port}`, `http://localhost:${port}`],
        });
        httpServer.once('close', () => void provider.close());
        const auth = { authority: provider.issuer, clientId: DEFAULT_CLIENT_ID, scope: 'openid profile nationalrbacaccess selectedrole', roles: { paramedic: ['R8003'], clinicalLead: ['R8000'], trainer: ['R8008'] } };
        server.config.logger.info(`\n  Local CIS2-like OpenID provider: ${provider.issuer}\n  config.json "auth": ${JSON.stringify(auth)}\n`);
      });
    },
  };
}
