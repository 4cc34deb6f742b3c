// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitisePlanHtml } from './sanitise-plan-html';

function links(html: string) {
  const holder = document.createElement('div');
  holder.innerHTML = sanitisePlanHtml(html);
  return [...holder.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href'), a.className]);
}

describe('phone numbers in a plan', () => {
  it('become tap-to-call links in the national form, keeping the words as written', () => {
    expect(links('<p>Call the crisis line on <strong>+44 (0)1632 960001</strong> day or night, or 0113 496 0000.</p>')).toEqual([
      ['+44 (0)1632 960001', 'tel:01632960001', 'crl-plan-tel'],
      ['0113 496 0000', 'tel:01134960000', 'crl-plan-tel'],
    ]);
  });

  it('keeps the text around the number', () => {
    const holder = document.createElement('div');
    holder.innerHTML = sanitisePlanHtml('<p>Ring 01632 960001 first.</p>');
    expect(holder.textContent).toBe('Ring 01632 960001 first.');
  });

  it('never links inside an existing link, nor an NHS number, nor 999 or 111', () => {
    expect(links('<p><a href="tel:01632960001">01632 960001</a></p>')).toEqual([['01632 960001', 'tel:01632960001', '']]);
    expect(links('<p>NHS number 943 476 5919. In an emergency call 999, or 111 for advice.</p>')).toEqual([]);
  });

  it('leaves fax, textphone and text-only numbers as text', () => {
    expect(links('<p><b>Fax:</b> 01632 960002</p><p>Textphone 18001 0113 496 0000</p><p>Text only: 07700 900123</p>')).toEqual([]);
    expect(links('<table><tr><td>Fax</td><td>01632 960002</td></tr><tr><td>Crisis line</td><td>01632 960001</td></tr></table>')).toEqual([
      ['01632 960001', 'tel:01632960001', 'crl-plan-tel'],
    ]);
  });

  it('reads the words between two numbers in one sentence', () => {
    expect(links('<p>Call 01632 960001, fax 01632 960002.</p>')).toEqual([['01632 960001', 'tel:01632960001', 'crl-plan-tel']]);
    expect(links('<p>Fax 01632 960002 or call 01632 960001.</p>')).toEqual([['01632 960001', 'tel:01632960001', 'crl-plan-tel']]);
  });
});
