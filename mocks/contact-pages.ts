import { http, HttpResponse, type RequestHandler } from 'msw';
import { CARE_TEAMS } from './data/care-teams';
import { CONTACT_PAGES } from './data/contact-page-html';

/**
 * The crisis teams' public contact-details pages (docs/national-apis.md §2.2), fetched directly
 * over https with no credentials. Like real trust websites they send no CORS headers.
 */

/** Origins e2e tests must route to the handlers. */
export const CONTACT_PAGE_ORIGINS: readonly string[] = [...new Set(CARE_TEAMS.map((team) => new URL(team.contactPageUrl).origin))];

const HTML = 'text/html; charset=utf-8';

export function contactPageHandlers(): RequestHandler[] {
  return [
    ...CONTACT_PAGES.map((page) => http.get(page.url, () => new HttpResponse(page.html, { headers: { 'Content-Type': HTML } }))),
    ...CONTACT_PAGE_ORIGINS.map((origin) =>
      http.all(`${origin}/*`, () =>
        new HttpResponse('<!doctype html><html lang="en-GB"><title>Page not found</title><h1>Page not found</h1></html>', {
          status: 404,
          headers: { 'Content-Type': HTML },
        }),
      ),
    ),
  ];
}
