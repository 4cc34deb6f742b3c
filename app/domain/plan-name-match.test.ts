import { describe, expect, it } from 'vitest';
import { checkPlanName, fieldsFromLines, findPlanName } from './plan-name-match';
import type { PatientName } from './patient';

const amelia: PatientName = { prefix: 'Ms', given: ['Amelia', 'Rose'], family: 'Crossley' };

describe('findPlanName', () => {
  it('reads the value of the field the plan labels as the name', () => {
    const fields = fieldsFromLines(['Mental Health Crisis Plan', 'Name: Amelia Crossley', 'Date of birth: 14 March 1991']);
    expect(findPlanName(fields)).toBe('Amelia Crossley');
  });

  it.each(['Patient name', 'Full name', "Patient's name", 'NAME', 'Name of patient', 'Service user name'])('knows the label "%s"', (label) => {
    expect(findPlanName([{ label, value: 'Amelia Crossley' }])).toBe('Amelia Crossley');
  });

  it('ignores names that are not the patient’s', () => {
    const fields = fieldsFromLines(['Preferred name: Millie', 'Next of kin name: Susan Crossley', 'Care coordinator name: Sam Okafor']);
    expect(findPlanName(fields)).toBeUndefined();
  });

  it('joins forename and surname fields', () => {
    expect(findPlanName([{ label: 'Surname', value: 'CROSSLEY' }, { label: 'Forename(s)', value: 'Amelia' }])).toBe('Amelia CROSSLEY');
  });

  it('leaves off what follows the name on the same line', () => {
    expect(findPlanName([{ label: 'Name', value: 'Amelia Crossley (known as Millie)  DOB 14/03/1991' }])).toBe('Amelia Crossley');
  });

  it('finds nothing in a plan that labels no name', () => {
    expect(findPlanName(fieldsFromLines(['Triggers', 'Loud arguments: late at night']))).toBeUndefined();
  });
});

describe('checkPlanName', () => {
  it.each([
    ['Amelia Crossley'],
    ['AMELIA CROSSLEY'],
    ['Crossley, Amelia'],
    ['Ms Amelia Rose Crossley'],
    ['Rose Crossley'],
    ['A. Crossley'],
    ['Crossley'],
  ])('"%s" is the same person as PDS’s Amelia Rose Crossley', (planName) => {
    expect(checkPlanName(planName, amelia).kind).toBe('same');
  });

  it('allows for accents, hyphens and apostrophes', () => {
    const name: PatientName = { prefix: undefined, given: ['Zoë'], family: "O'Neill-Hart" };
    expect(checkPlanName('Zoe ONeill Hart', name).kind).toBe('same');
    expect(checkPlanName('ZOË O’NEILL-HART', name).kind).toBe('same');
  });

  it('allows a middle name the plan has and PDS does not', () => {
    expect(checkPlanName('Amelia Jane Crossley', { prefix: undefined, given: ['Amelia'], family: 'Crossley' }).kind).toBe('same');
  });

  it.each([['Emily Crossley'], ['Amelia Crosby'], ['Amelie Crossley'], ['Declan Ashworth']])('"%s" is different', (planName) => {
    expect(checkPlanName(planName, amelia)).toEqual({ kind: 'different', planName });
  });

  it('does not compare when PDS gave no name (a restricted record) or the plan labels none', () => {
    expect(checkPlanName('Declan Ashworth', undefined)).toEqual({ kind: 'not-compared' });
    expect(checkPlanName(undefined, amelia)).toEqual({ kind: 'not-compared' });
    expect(checkPlanName('Mr', amelia)).toEqual({ kind: 'not-compared' });
  });

  it('shortens a very long name before it is shown', () => {
    const check = checkPlanName(`Someone ${'Else '.repeat(40)}`, amelia);
    expect(check.kind).toBe('different');
    expect(check.kind === 'different' && check.planName.length).toBe(80);
  });
});
