import { describe, expect, it } from 'vitest';
import { sameNumber, telUri } from './contact-details';

describe('telUri', () => {
  it.each([
    ['01632 960 417', 'tel:01632960417'],
    ['0113 496 0000', 'tel:01134960000'],
    ['+44 (0)1632 960 018', 'tel:+441632960018'],
    ['020-7946-0123', 'tel:02079460123'],
    ['111', 'tel:111'],
  ])('dials %j as %s', (written, tel) => {
    expect(telUri(written)).toBe(tel);
  });

  it.each(['12345', '+1 202 555 0100', 'call us'])('refuses %j', (written) => {
    expect(telUri(written)).toBeUndefined();
  });
});

describe('sameNumber', () => {
  it('matches national and international forms of one number', () => {
    expect(sameNumber('tel:02079460123', 'tel:+442079460123')).toBe(true);
    expect(sameNumber('tel:02079460123', 'tel:02079460124')).toBe(false);
    expect(sameNumber(undefined, 'tel:111')).toBe(false);
  });
});
