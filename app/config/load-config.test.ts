import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_CONFIG } from './config-schema';
import type { ConfigProvenance } from './config-provenance';
import { ConfigError, loadConfig, parseConfig, type LoadConfigOptions } from './load-config';
import { browserConfigStore, SAVED_CONFIG_KEY, type SavedConfig, type SavedConfigStore } from './saved-config';

const live = {
  mode: 'live',
  organisationOds: 'RX8',
  services: {
    pds: 'https://gw.example/personal-demographics/FHIR/R4',
    nrl: 'https://gw.example/record-locator/consumer/FHIR/R4/',
    ods: 'https://gw.example/organisation-data-terminology-api/fhir',
    ssp: 'https://gw.example/ssp',
    audit: 'https://gw.example/audit/FHIR/R4',
  },
  auth: {
    authority: 'https://am.nhsidentity.spineservices.nhs.uk/openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare',
    clientId: 'crew-record-locator',
    roles: { paramedic: ['R8003'], clinicalLead: ['R8000'], trainer: ['R8008'] },
  },
};

function respond(status: number, body: string): typeof fetch {
  return async () => new Response(body, { status });
}

const offline: typeof fetch = async () => {
  throw new TypeError('Failed to fetch');
};

function memoryStore(initial?: SavedConfig): SavedConfigStore & { copy: SavedConfig | undefined } {
  const store = {
    copy: initial,
    read: () => store.copy,
    write: (copy: SavedConfig) => void (store.copy = copy),
  };
  return store;
}

// The loader logs each fallback for the service desk; keep test output readable.
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

const savedLive: SavedConfig = { savedAt: '2026-11-24T08:00:00.000Z', config: live };

async function load(fetchFn: typeof fetch, saved = memoryStore(), extra: Partial<LoadConfigOptions> = {}) {
  const reports: ConfigProvenance[] = [];
  const config = await loadConfig({ fetchFn, saved, report: (p) => void reports.push(p), ...extra });
  return { config, reports, saved };
}

describe('parseConfig', () => {
  it('accepts a live config and trims trailing slashes from bases', () => {
    const config = parseConfig(live);
    expect(config.mode).toBe('live');
    if (config.mode === 'live') expect(config.services.nrl).toBe('https://gw.example/record-locator/consumer/FHIR/R4');
  });

  it('needs sign-in settings in live mode, and names the key when they are missing (issue 10)', () => {
    const { auth: _auth, ...noAuth } = live;
    expect(() => parseConfig(noAuth)).toThrow(/auth/);
    expect(() => parseConfig({ ...live, auth: { ...live.auth, clientId: '' } })).toThrow(/auth\.clientId/);
    expect(() => parseConfig({ ...live, auth: { ...live.auth, authority: 'http://idp.example' } })).toThrow(/auth\.authority.*https/);
    expect(() => parseConfig({ ...live, auth: { ...live.auth, roles: { paramedic: ['r8003 '], clinicalLead: [] } } })).toThrow(/auth\.roles\.paramedic/);
  });

  it('asks for openid profile nationalrbacaccess selectedrole associatedorgs (organisation names) and keeps an offline session 12 hours unless told otherwise', () => {
    const config = parseConfig(live);
    if (config.mode !== 'live') throw new Error('live expected');
    expect(config.auth.scope).toBe('openid profile nationalrbacaccess selectedrole associatedorgs');
    expect(config.auth.roles.trainer).toEqual(['R8008']);
    expect(config.offlineSessionHours).toBe(12);
    expect(() => parseConfig({ ...live, offlineSessionHours: 48 })).toThrow(/offlineSessionHours/);
  });

  it('needs no sign-in settings in demo mode', () => {
    expect(parseConfig({ mode: 'demo' }).mode).toBe('demo');
  });

  it('ignores unknown keys', () => {
    expect(parseConfig({ ...live, signIn: { issuer: 'x' } }).mode).toBe('live');
  });

  it('names the bad key', () => {
    const bad = { ...live, services: { ...live.services, nrl: 'not a url' } };
    expect(() => parseConfig(bad)).toThrow(ConfigError);
    try {
      parseConfig(bad);
    } catch (error) {
      expect((error as ConfigError).key).toBe('services.nrl');
      expect((error as ConfigError).message).toMatch(/services\.nrl.*must be a URL/);
    }
  });

  it('refuses plain http to a remote host', () => {
    const bad = { ...live, services: { ...live.services, pds: 'http://gw.example/pds' } };
    expect(() => parseConfig(bad)).toThrow(/services\.pds.*https/);
  });

  // Issue 7 point 8: a base is joined with paths and sent everywhere, so it must be a bare base.
  it.each([
    ['pds', 'https://crew:s3cret@gw.example/pds', /services\.pds.*user name or password/],
    ['nrl', 'https://token@gw.example/nrl', /services\.nrl.*user name or password/],
    ['ods', 'https://:s3cret@gw.example/ods', /services\.ods.*user name or password/],
    ['ssp', 'https://@gw.example/ssp', /services\.ssp.*user name or password/],
    ['audit', 'https://gw.example/audit?apikey=abc', /services\.audit.*query string/],
    ['nrl', 'https://gw.example/nrl?', /services\.nrl.*query string/],
    ['pds', 'https://gw.example/pds#FHIR', /services\.pds.*fragment/],
    ['ods', 'https://gw.example/ods#', /services\.ods.*fragment/],
  ] as const)('rejects services.%s = %s, naming the key', (service, base, message) => {
    const bad = { ...live, services: { ...live.services, [service]: base } };
    let error: unknown;
    try {
      parseConfig(bad);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).key).toBe(`services.${service}`);
    expect((error as ConfigError).message).toMatch(message);
    // The error screen shows the message: it must never repeat a secret.
    expect((error as ConfigError).message).not.toMatch(/s3cret|token|apikey/);
  });

  it('will not start with a credential in a base, whether from the server or a saved copy', async () => {
    const bad = { ...live, services: { ...live.services, audit: 'https://u:p@gw.example/audit' } };
    await expect(load(respond(200, JSON.stringify(bad)))).rejects.toThrow(/services\.audit.*user name or password/);
    // A saved copy holding one is no longer accepted either: it is not used to start.
    await expect(load(offline, memoryStore({ savedAt: savedLive.savedAt, config: bad }))).rejects.toThrow(ConfigError);
  });

  it('names a missing service', () => {
    const { ssp: _ssp, ...services } = live.services;
    expect(() => parseConfig({ ...live, services })).toThrow(/services\.ssp/);
  });

  it('defaults the cache policy: stale after 12 h, deleted after 24 h', () => {
    expect(parseConfig(live)).toMatchObject({ staleAfterHours: 12, retentionHours: 24 });
    expect(parseConfig({ mode: 'demo', retentionHours: 0.01 })).toMatchObject({ retentionHours: 0.01 });
  });

  it('names a bad cache policy key', () => {
    expect(() => parseConfig({ ...live, retentionHours: -1 })).toThrow(/retentionHours.*more than 0/);
    expect(() => parseConfig({ ...live, staleAfterHours: '12' })).toThrow(/staleAfterHours.*number of hours/);
  });

  it('locks after 5 minutes and lets a call keep the app hidden 10 minutes unless told otherwise, in both modes (issue 11)', () => {
    expect(parseConfig(live)).toMatchObject({ lockAfterMinutes: 5, callGraceMinutes: 10 });
    expect(parseConfig({ mode: 'demo' })).toMatchObject({ lockAfterMinutes: 5, callGraceMinutes: 10 });
    expect(parseConfig({ ...live, lockAfterMinutes: 1, callGraceMinutes: 60 })).toMatchObject({ lockAfterMinutes: 1, callGraceMinutes: 60 });
    expect(DEMO_CONFIG).toEqual(parseConfig({ mode: 'demo' }));
  });

  it.each([
    [{ lockAfterMinutes: 0 }, /lockAfterMinutes.*at least 1 minute/],
    [{ lockAfterMinutes: 61 }, /lockAfterMinutes.*at most 60 minutes/],
    [{ lockAfterMinutes: '5' }, /lockAfterMinutes.*number of minutes/],
    [{ callGraceMinutes: 0.5 }, /callGraceMinutes.*at least 1 minute/],
    [{ callGraceMinutes: 120 }, /callGraceMinutes.*at most 60 minutes/],
    [{ callGraceMinutes: null }, /callGraceMinutes.*number of minutes/],
  ])('names a bad lock setting: %o', (bad, message) => {
    expect(() => parseConfig({ ...live, ...bad })).toThrow(message);
    expect(() => parseConfig({ mode: 'demo', ...bad })).toThrow(message);
  });

  it('rejects an unknown mode', () => {
    expect(() => parseConfig({ mode: 'production' })).toThrow(/mode/);
  });
});

describe('loadConfig: network first, then the last good copy', () => {
  it('uses a valid file from the server and keeps it as the last good copy', async () => {
    const { config, reports, saved } = await load(respond(200, JSON.stringify(live)));
    expect(config.mode).toBe('live');
    expect(saved.copy?.config).toEqual(live);
    expect(reports).toEqual([{ source: 'server' }]);
  });

  it('prefers a newer file from the server over the saved copy', async () => {
    const saved = memoryStore({ savedAt: '2026-11-01T00:00:00.000Z', config: { mode: 'demo' } });
    const { config } = await load(respond(200, JSON.stringify(live)), saved);
    expect(config.mode).toBe('live');
    expect(saved.copy?.config).toEqual(live);
  });

  it('starts offline from the saved copy, quietly (no server problem to report)', async () => {
    const { config, reports } = await load(offline, memoryStore(savedLive));
    expect(config.mode).toBe('live');
    expect(reports).toEqual([{ source: 'device', savedAt: savedLive.savedAt }]);
  });

  it('does not wait long for a weak signal when a copy is saved', async () => {
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    const { config } = await load(hanging, memoryStore(savedLive), { timeoutMs: { withSavedCopy: 20, withoutSavedCopy: 10_000 } });
    expect(config.mode).toBe('live');
  });

  it('never turns a set-up live device into a demo when the file goes missing', async () => {
    const { config, reports } = await load(respond(404, ''), memoryStore(savedLive));
    expect(config.mode).toBe('live');
    expect(reports[0]).toMatchObject({ source: 'device', serverProblem: expect.stringMatching(/missing/) });
  });

  it('keeps working from the saved copy when the server sends a broken file, and says why', async () => {
    const bad = JSON.stringify({ ...live, services: { ...live.services, nrl: 'not a url' } });
    const saved = memoryStore(savedLive);
    const { config, reports } = await load(respond(200, bad), saved);
    expect(config.mode).toBe('live');
    expect(reports[0]).toMatchObject({ source: 'device', serverProblem: expect.stringMatching(/services\.nrl/) });
    expect(saved.copy).toEqual(savedLive);
  });

  it('treats a Wi-Fi sign-in page (HTML, 200) or a server error like no answer when a copy is saved', async () => {
    expect((await load(respond(200, '<html>Sign in to Wi-Fi</html>'), memoryStore(savedLive))).config.mode).toBe('live');
    expect((await load(respond(503, ''), memoryStore(savedLive))).config.mode).toBe('live');
  });

  it('ignores a saved copy this build no longer accepts', async () => {
    const stale = memoryStore({ savedAt: savedLive.savedAt, config: { mode: 'live' } });
    await expect(load(offline, stale)).rejects.toThrow(ConfigError);
  });
});

describe('loadConfig: with nothing saved on the device', () => {
  it('runs demo mode when there is no config file', async () => {
    const { config, reports, saved } = await load(respond(404, ''));
    expect(config).toEqual(DEMO_CONFIG);
    expect(reports).toEqual([{ source: 'default' }]);
    expect(saved.copy).toBeUndefined();
  });

  it('fails clearly on a file that is not JSON', async () => {
    await expect(load(respond(200, '{mode: live'))).rejects.toThrow(/not valid JSON/);
  });

  it('fails clearly, naming the key, on an invalid file', async () => {
    await expect(load(respond(200, JSON.stringify({ mode: 'live' })))).rejects.toThrow(ConfigError);
  });

  it('fails clearly on a server error', async () => {
    await expect(load(respond(500, ''))).rejects.toThrow(/HTTP 500/);
  });

  it('fails clearly, never falling back to demo, when offline on the first start', async () => {
    await expect(load(offline)).rejects.toThrow(/none are saved on this device/);
  });
});

describe('browserConfigStore', () => {
  function fakeStorage(): Storage {
    const map = new Map<string, string>();
    return {
      getItem: (key: string) => map.get(key) ?? null,
      setItem: (key: string, value: string) => void map.set(key, value),
      removeItem: (key: string) => void map.delete(key),
      clear: () => map.clear(),
      key: () => null,
      get length() {
        return map.size;
      },
    };
  }

  it('round-trips a copy under the versioned key', () => {
    const storage = fakeStorage();
    browserConfigStore(storage).write(savedLive);
    expect(JSON.parse(storage.getItem(SAVED_CONFIG_KEY)!)).toEqual(savedLive);
    expect(browserConfigStore(storage).read()).toEqual(savedLive);
  });

  it('reads garbage as nothing saved', () => {
    const storage = fakeStorage();
    storage.setItem(SAVED_CONFIG_KEY, '{"oops"');
    expect(browserConfigStore(storage).read()).toBeUndefined();
    storage.setItem(SAVED_CONFIG_KEY, '{"config": {}}');
    expect(browserConfigStore(storage).read()).toBeUndefined();
  });

  it('survives storage that refuses to write', () => {
    const storage = fakeStorage();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(() => browserConfigStore(storage).write(savedLive)).not.toThrow();
  });

  it('is inert where there is no localStorage (Node)', () => {
    expect(browserConfigStore().read()).toBeUndefined();
  });
});
