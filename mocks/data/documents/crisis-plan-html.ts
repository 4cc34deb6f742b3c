import type { Patient } from '../../fhir/fhir-types';
import type { CareTeam } from '../care-teams';
import { documentName, longDate, spacedNhsNumber } from './document-dates';

/**
 * What the hostile parts of the HTML plan would do if they ran or loaded. Tests assert none of
 * these ever happen: the title stays, the flag stays unset, nothing is requested from the tracker.
 */
export const HOSTILE_PLAN_MARKERS = {
  pwnedTitle: 'PWNED',
  scriptFlag: '__planScriptRan',
  trackerOrigin: 'https://tracker.example',
  trackerPixelUrl: 'https://tracker.example/pixel.png',
  trackerStylesheetUrl: 'https://tracker.example/plan.css',
} as const;

export interface HtmlPlanContent {
  readonly team: CareTeam;
  readonly patient: Patient;
  readonly writtenOn: string;
  readonly reviewBy: string;
}

/**
 * A crisis plan as a provider's HTML export. The plan itself is ordinary readable HTML; mixed
 * into it is what a compromised or careless producer system could send: an inline script, event
 * handler attributes, a `javascript:` link and remote loads. The app must show the text and
 * neutralise all of it.
 */
export function crisisPlanHtml(plan: HtmlPlanContent): string {
  const { team, patient } = plan;
  const m = HOSTILE_PLAN_MARKERS;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Mental Health Crisis Plan - ${documentName(patient)}</title>
<link rel="stylesheet" href="${m.trackerStylesheetUrl}">
<script>document.title = '${m.pwnedTitle}'; window.${m.scriptFlag} = true;</script>
</head>
<body onload="window.${m.scriptFlag} = true">
<article class="crisis-plan">
<h1>Mental Health Crisis Plan</h1>
<p class="source">${team.organisationName} &ndash; ${team.name}</p>
<table class="identity">
  <tr><th scope="row">Name</th><td>${documentName(patient)}</td></tr>
  <tr><th scope="row">Date of birth</th><td>${longDate(patient.birthDate)}</td></tr>
  <tr><th scope="row">NHS number</th><td>${spacedNhsNumber(patient.id)}</td></tr>
  <tr><th scope="row">Review by</th><td>${longDate(plan.reviewBy)}</td></tr>
</table>
<img src="${m.trackerPixelUrl}" width="1" height="1" alt="">

<h2>Triggers</h2>
<ul>
  <li>Anniversary of his father's death in late November.</li>
  <li>Arguments about money or threats of eviction.</li>
  <li>Stopping his medication because of weight gain.</li>
</ul>

<h2>Early warning signs</h2>
<ul>
  <li>Not sleeping for two nights or more; pacing at night.</li>
  <li>Believes neighbours are recording him through the walls.</li>
  <li>Stops answering the phone to his sister.</li>
</ul>

<h2>What helps</h2>
<ol>
  <li>Speak calmly and explain who you are and why you are there.</li>
  <li>Offer him time outside: he calms down when he can walk.</li>
  <li>Let his sister Joanne stay with him if she is there.</li>
</ol>
<p><img src="/missing-photo.png" alt="Photo of Thomas" onerror="document.title = '${m.pwnedTitle}'; window.${m.scriptFlag} = true"></p>

<h2>What does not help</h2>
<ul>
  <li>Several people talking at once, or being crowded in a small room.</li>
  <li>Being touched without warning.</li>
</ul>

<h2>Who to contact</h2>
<ul class="contacts">
  <li><strong>${team.name} (24 hours):</strong> ${team.crisisLine}</li>
  <li><strong>Care coordinator, Sam Okafor (weekdays):</strong> ${team.officeLine}</li>
  <li><strong>Sister, Joanne (next of kin):</strong> 07700 900 215</li>
  <li><strong>Team fax (referral letters):</strong> 0113 496 0738</li>
</ul>
<p><button type="button" onclick="window.${m.scriptFlag} = true">Print this plan</button>
<a href="javascript:window.${m.scriptFlag}=true">Open the full record</a></p>

<h2>Physical health and medication</h2>
<p>Takes olanzapine 10 mg at night. Type 2 diabetes, diet controlled. No known allergies.</p>
<p class="footer">Plan written ${longDate(plan.writtenOn)}. SYNTHETIC TEST DATA &ndash; not a real patient.</p>
</article>
</body>
</html>
`;
}
