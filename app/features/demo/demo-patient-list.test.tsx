// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SCENARIOS } from '../../../mocks/data/catalogue';
import { DemoPatientList } from './demo-patient-list';

const entries = [
  { nhsNumber: SCENARIOS.planFhir.nhsNumber, title: 'Crisis plan (structured data)', description: 'A young person’s crisis plan.', birthDate: '2009-10-31' },
  { nhsNumber: SCENARIOS.pdsBusy.nhsNumber, title: 'Patient details service busy', description: 'Busy.', birthDate: undefined },
];

describe('DemoPatientList', () => {
  afterEach(() => vi.useRealTimers());

  it('works out each age from the date of birth when shown, so it never goes out of date', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-10-30T12:00:00Z'));
    const { unmount } = render(<DemoPatientList patients={entries} open onPick={() => undefined} />);
    expect(screen.getByText(/A young person’s crisis plan\./)).toHaveTextContent('Age 16. A young person’s crisis plan.');
    // Someone with no record at the patient details service has no age to show.
    expect(screen.getByText('Busy.')).toHaveTextContent(/^Busy\.$/);
    unmount();

    vi.setSystemTime(new Date('2026-10-31T12:00:00Z'));
    render(<DemoPatientList patients={entries} open onPick={() => undefined} />);
    expect(screen.getByText(/A young person’s crisis plan\./)).toHaveTextContent('Age 17. A young person’s crisis plan.');
  });

  it('offers the searches by details to try, each filling in the form with its details (issue 12)', async () => {
    const onTryDetails = vi.fn();
    const example = { label: 'Two people with one name', description: 'Two Amelias.', form: { family: 'Crossley', given: 'Amelia', birthDate: { kind: 'year' as const, year: '1991' }, gender: '' as const, postcode: '' } };
    render(<DemoPatientList patients={entries} searchExamples={[example]} open onPick={() => undefined} onTryDetails={onTryDetails} />);
    expect(screen.getByRole('heading', { name: 'Try a search by details' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Two people with one name' }));
    expect(onTryDetails).toHaveBeenCalledWith(example.form);
  });
});
