// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { parseNhsNumber, type NhsNumber } from '../../domain/nhs-number';
import type { Patient } from '../../domain/patient';
import { IdentityBar } from './identity-bar';
import { newResultArrival, ResultArrivalProvider, useResultArrival, type ResultArrival } from './result-arrival';

const nhs = (value: string): NhsNumber => {
  const parsed = parseNhsNumber(value);
  if (!parsed.ok) throw new Error(value);
  return parsed.value;
};

const NOW = new Date('2026-03-04T14:02:00Z');

const jo: Patient = {
  nhsNumber: nhs('9434765919'),
  requestedNhsNumber: nhs('9434765919'),
  name: { prefix: undefined, given: ['Jo'], family: 'Bloggs' },
  birthDate: '1990-06-01',
  gender: 'unknown',
  restricted: false,
  address: ['1 Example Street', 'LS1 1AA'],
  deceasedAt: undefined,
};

const bar = () => screen.getByRole('group', { name: 'Patient on this screen' });

describe('IdentityBar', () => {
  it('names the patient it is given, with date of birth, age and the NHS number in groups of 3, 3, 4', () => {
    render(<IdentityBar patient={jo} shown now={NOW} />);
    expect(bar()).toHaveTextContent('Jo BLOGGS');
    expect(bar()).toHaveTextContent('1 June 1990');
    expect(bar()).toHaveTextContent('35 years old');
    expect(bar()).toHaveTextContent('943 476 5919');
    expect(bar()).not.toHaveTextContent('Example Street');
    expect(bar()).not.toHaveTextContent('Saved copy');
  });

  it('says DEMO in demo mode, and nothing of the kind otherwise', () => {
    const { rerender } = render(<IdentityBar patient={jo} shown now={NOW} demo />);
    expect(bar()).toHaveTextContent('Demo: a synthetic patient, not a real person');
    rerender(<IdentityBar patient={jo} shown now={NOW} />);
    expect(bar()).not.toHaveTextContent(/demo/i);
  });

  it('never shows a name other than the patient given, and follows the patient when it changes', () => {
    const { rerender } = render(<IdentityBar patient={jo} shown now={NOW} />);
    const other: Patient = { ...jo, nhsNumber: nhs('9990000018'), name: { prefix: undefined, given: ['Amelia'], family: 'Crossley' } };
    rerender(<IdentityBar patient={other} shown now={NOW} />);
    expect(bar()).toHaveTextContent('Amelia CROSSLEY');
    expect(bar()).toHaveTextContent('999 000 0018');
    expect(bar()).not.toHaveTextContent('BLOGGS');
    expect(bar()).not.toHaveTextContent('943 476 5919');
  });

  it('says so plainly when PDS gave no name, as the banner does', () => {
    render(<IdentityBar patient={{ ...jo, name: undefined, restricted: true, address: undefined }} shown now={NOW} />);
    expect(bar()).toHaveTextContent('Name withheld');
  });

  it('says a saved copy is one, and how old it is', () => {
    render(<IdentityBar patient={jo} shown now={NOW} savedCopy={{ retrievedAt: '2026-03-04T00:02:00Z', staleAfterHours: 24 }} />);
    expect(bar()).toHaveTextContent('Saved copy, 14 h ago');
    expect(bar()).not.toHaveTextContent('out of date');
  });

  it('says a saved copy past the staleness threshold may be out of date', () => {
    render(<IdentityBar patient={jo} shown now={NOW} savedCopy={{ retrievedAt: '2026-03-04T00:02:00Z', staleAfterHours: 12 }} />);
    expect(bar()).toHaveTextContent('Saved copy, 14 h ago: may be out of date');
  });

  it('is hidden while the banner itself is in view', () => {
    render(<IdentityBar patient={jo} shown={false} now={NOW} />);
    expect(screen.queryByRole('group', { name: 'Patient on this screen' })).not.toBeInTheDocument();
  });
});

function Heading({ text }: { text: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useResultArrival(ref);
  return (
    <h2 ref={ref} tabIndex={-1}>
      {text}
    </h2>
  );
}

describe('useResultArrival', () => {
  it('focuses the first heading of a lookup to appear, once, and scrolls it to the top', () => {
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    const arrival: ResultArrival = newResultArrival();
    const { rerender } = render(
      <ResultArrivalProvider value={arrival}>
        <Heading text="Jo BLOGGS" />
      </ResultArrivalProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Jo BLOGGS' })).toHaveFocus();
    expect(scrollTo).toHaveBeenCalledTimes(1);
    rerender(
      <ResultArrivalProvider value={arrival}>
        <Heading text="Jo BLOGGS" />
        <Heading text="Crisis plan found" />
      </ResultArrivalProvider>,
    );
    // A later heading of the same lookup never pulls the crew away.
    expect(screen.getByRole('heading', { name: 'Jo BLOGGS' })).toHaveFocus();
    expect(scrollTo).toHaveBeenCalledTimes(1);
    scrollTo.mockRestore();
  });

  it('moves nothing without a lookup (the first screen, where the NHS number box has focus)', () => {
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    render(<Heading text="Jo BLOGGS" />);
    expect(screen.getByRole('heading', { name: 'Jo BLOGGS' })).not.toHaveFocus();
    expect(scrollTo).not.toHaveBeenCalled();
    scrollTo.mockRestore();
  });
});
