import { describe, expect, it } from 'vitest';
import { CONTACT_PAGE_ORIGINS } from './contact-pages';
import { CARE_TEAMS } from './data/care-teams';
import { send } from './test-support';

describe('public contact-details pages (§2.2)', () => {
  it.each(CARE_TEAMS.map((team) => [team.name, team] as const))('%s: an HTML page with the team in its h1 and its hours', async (_name, team) => {
    const response = await send(team.contactPageUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    // Like real trust websites: no CORS headers (the app cannot rely on reading them cross-origin).
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const html = await response.text();
    expect(html).toContain(`<h1>${team.name}</h1>`);
    expect(html).toMatch(/(hours|Monday to Friday|24\/7)/i);
  });

  it('writes numbers in several UK styles, each beside its own label', async () => {
    const pages = await Promise.all(CARE_TEAMS.map(async (team) => (await send(team.contactPageUrl)).text()));
    const all = pages.join('\n');
    expect(all).toContain('<li><strong>Crisis line (24 hours):</strong> 01632 960 417</li>');
    expect(all).toContain('+44 (0)1632 960 018');
    expect(all).toContain('<a href="tel:+442079460123">020 7946 0123</a>');
    expect(all).toContain('(0113) 496 0733');
    expect(all).toContain('0161-496-0581');
    expect(all).toContain('07700 900 461');
  });

  it('404 page for any other path on those sites', async () => {
    const response = await send(`${CONTACT_PAGE_ORIGINS[0]!}/no-such-page`);
    expect(response.status).toBe(404);
  });

  it('lives only on reserved https origins', () => {
    for (const origin of CONTACT_PAGE_ORIGINS) expect(origin).toMatch(/^https:\/\/[a-z0-9.-]+\.example$/);
  });
});
