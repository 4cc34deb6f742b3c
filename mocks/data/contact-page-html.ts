import {
  CENTRAL_LANCASHIRE_CRISIS_TEAM,
  LAMBETH_HOME_TREATMENT_TEAM,
  LEEDS_CRISIS_ASSESSMENT_SERVICE,
  NORTH_MANCHESTER_CMHT,
  type CareTeam,
} from './care-teams';

/**
 * The teams' public contact-details pages (docs/national-apis.md §2.2): plain web pages, fetched
 * directly, never through SSP. Each is written the way a different trust's website might be, so
 * the page reader meets several markups and UK number styles: spaced, `+44 (0)…`, an existing
 * `tel:` link, brackets, hyphens, a mobile, and the usual "call 999" / "NHS 111" distractors. The
 * Lancashire page also lists a fax and a text-only number, which the app shows as text, not calls.
 * Every number is from Ofcom's drama ranges.
 */

const SYNTHETIC_NOTICE =
  '<footer><p>Synthetic demonstration page for Crew Record Locator training. This is not a real service: ' +
  'the phone numbers are from the ranges Ofcom reserves for drama and connect to no one.</p></footer>';

function page(team: CareTeam, title: string, main: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
</head>
<body>
<header><p class="organisation">${team.organisationName.replace(/&/g, '&amp;')}</p></header>
<main>
${main}
</main>
${SYNTHETIC_NOTICE}
</body>
</html>
`;
}

const LANCASHIRE_PAGE = page(
  CENTRAL_LANCASHIRE_CRISIS_TEAM,
  'Crisis Resolution and Home Treatment, Central Lancashire',
  `<h1>${CENTRAL_LANCASHIRE_CRISIS_TEAM.name}</h1>
<p>We work with adults in Preston, Chorley and South Ribble who are in a mental health crisis,
as an alternative to admission to hospital.</p>
<h2>Contact the team</h2>
<ul class="contact-numbers">
  <li><strong>Crisis line (24 hours):</strong> ${CENTRAL_LANCASHIRE_CRISIS_TEAM.crisisLine}</li>
  <li><strong>Team office (Monday to Friday, 9am to 5pm):</strong> ${CENTRAL_LANCASHIRE_CRISIS_TEAM.officeLine}</li>
  <li><strong>Senior nurse on call (nights and weekends):</strong> +44 (0)1632 960 018</li>
  <li><strong>Fax (referrals):</strong> 01632 960 019</li>
  <li><strong>Text only (SMS, not for calls):</strong> 07700 900 019</li>
</ul>
<h2>When we are available</h2>
<p>The crisis line is answered 24 hours a day, every day of the year, including bank holidays.
Professionals calling about a patient should ask for the shift coordinator.</p>
<p>If someone's life is at immediate risk, call 999.</p>`,
);

const LAMBETH_PAGE = page(
  LAMBETH_HOME_TREATMENT_TEAM,
  'Lambeth Home Treatment Team | South London and Maudsley',
  `<h1>${LAMBETH_HOME_TREATMENT_TEAM.name}</h1>
<p>Intensive short-term support at home for Lambeth residents aged 18 and over.</p>
<h2>Phone numbers</h2>
<dl class="phone-list">
  <dt>24-hour crisis line</dt>
  <dd><a href="tel:+442079460123">${LAMBETH_HOME_TREATMENT_TEAM.crisisLine}</a></dd>
  <dt>Duty worker, 8am to 8pm</dt>
  <dd>${LAMBETH_HOME_TREATMENT_TEAM.officeLine}</dd>
  <dt>Text the team (8am to 8pm, replies within the hour)</dt>
  <dd>07700 900 461</dd>
</dl>
<h2>Opening hours</h2>
<p>Home visits 8am to 9pm, 7 days a week. Overnight, the crisis line is answered by the
Lambeth Hospital site coordinator.</p>`,
);

const LEEDS_PAGE = page(
  LEEDS_CRISIS_ASSESSMENT_SERVICE,
  'Crisis Assessment Service - Leeds and York Partnership NHS Foundation Trust',
  `<h1>${LEEDS_CRISIS_ASSESSMENT_SERVICE.name}</h1>
<p>Urgent assessment for adults in Leeds experiencing a mental health crisis.</p>
<section aria-labelledby="phones">
  <h2 id="phones">Call us</h2>
  <ul>
    <li><strong>Crisis assessment line, 24/7:</strong> (0113) 496 0733</li>
    <li><strong>Professionals' line (for ambulance, police and GP colleagues):</strong> 0113 4960735</li>
    <li><strong>Admin office, weekdays 9:00 to 16:30:</strong> ${LEEDS_CRISIS_ASSESSMENT_SERVICE.officeLine}</li>
  </ul>
</section>
<h2>Availability</h2>
<p>Open 24 hours a day, 7 days a week. For advice when it is not an emergency you can also
call NHS 111 and choose the mental health option.</p>`,
);

const MANCHESTER_PAGE = page(
  NORTH_MANCHESTER_CMHT,
  'North Manchester Community Mental Health Team',
  `<h1>${NORTH_MANCHESTER_CMHT.name}</h1>
<p>Care coordination and community support for adults in North Manchester.</p>
<div class="contact">
  <p><span class="label">Duty line (Monday to Friday, 9am to 5pm):</span> <span class="number">0161-496-0581</span></p>
  <p><span class="label">Reception:</span> <span class="number">0161 496 0582</span></p>
</div>
<h2>Out of hours</h2>
<p>The team is not available outside office hours. Out of hours, contact the Greater Manchester
mental health crisis line on <span class="number">0161 496 0999</span> (24 hours).</p>`,
);

export interface ContactPage {
  readonly url: string;
  readonly html: string;
}

export const CONTACT_PAGES: readonly ContactPage[] = [
  { url: CENTRAL_LANCASHIRE_CRISIS_TEAM.contactPageUrl, html: LANCASHIRE_PAGE },
  { url: LAMBETH_HOME_TREATMENT_TEAM.contactPageUrl, html: LAMBETH_PAGE },
  { url: LEEDS_CRISIS_ASSESSMENT_SERVICE.contactPageUrl, html: LEEDS_PAGE },
  { url: NORTH_MANCHESTER_CMHT.contactPageUrl, html: MANCHESTER_PAGE },
];

