// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitisePlanHtml } from './sanitise-plan-html';

describe('tidying a plan’s leftovers (issue 9 point 4)', () => {
  it('keeps the answers a form export holds in disabled controls, as text', () => {
    const html = sanitisePlanHtml(
      '<p>Allergies: <input disabled value="Penicillin (rash)"></p>' +
        '<p>Lives alone: <input type="checkbox" disabled checked> Has a carer: <input type="checkbox" disabled></p>' +
        '<p>Risk: <select disabled><option>Low</option><option selected>Medium</option></select></p>' +
        '<p>Notes: <textarea disabled>Calls her sister first</textarea></p>',
    );
    const text = html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ');
    expect(text).toContain('Allergies: Penicillin (rash)');
    expect(text).toContain('Lives alone: [x] Has a carer: [ ]');
    expect(text).toContain('Risk: Medium');
    expect(text).toContain('Notes: Calls her sister first');
    expect(html).not.toMatch(/<(input|select|textarea|button)\b/);
  });

  it('drops a button, so its label does not run into the next words', () => {
    const html = sanitisePlanHtml('<p><button type="button" disabled>Print this plan</button> <a href="https://trust.example/plan">Open the full record</a></p>');
    expect(html).not.toContain('Print this plan');
    expect(html).toContain('Open the full record');
  });

  it('describes an image it cannot show by its alt text', () => {
    expect(sanitisePlanHtml('<p><img src="https://tracker.example/p.png" alt="Photo of Thomas"></p>')).toContain('[Image not shown: Photo of Thomas]');
  });

  it('removes the indent of lists nested only to indent', () => {
    const html = sanitisePlanHtml('<ul><ul><ul><li>Speak calmly</li></ul></ul></ul>');
    expect(html.match(/<ul>/g)).toHaveLength(1);
    expect(html).toContain('<li>Speak calmly</li>');
  });
});
