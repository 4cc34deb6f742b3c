import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from './load-config';

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
};

function respond(status: number, body: string): typeof fetch {
  return async () => new Response(body, { status });
}

describe('parseConfig', () => {
  it('accepts a live config and trims trailing slashes from bases', () => {
    const config = parseConfig(live);
    expect(config.mode).toBe('live');
    if (config.mode === 'live') expect(config.services.nrl).toBe('https://gw.example/record-locator/consumer/FHIR/R4');
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

  it('rejects an unknown mode', () => {
    expect(() => parseConfig({ mode: 'production' })).toThrow(/mode/);
  });
});

describe('loadConfig', () => {
  it('runs demo mode when there is no config file', async () => {
    await expect(loadConfig(respond(404, ''))).resolves.toEqual({ mode: 'demo', staleAfterHours: 12, retentionHours: 24 });
  });

  it('fails clearly on a file that is not JSON', async () => {
    await expect(loadConfig(respond(200, '{mode: live'))).rejects.toThrow(/not valid JSON/);
  });

  it('fails clearly when the file cannot be fetched', async () => {
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(loadConfig(offline)).rejects.toThrow(ConfigError);
  });
});
