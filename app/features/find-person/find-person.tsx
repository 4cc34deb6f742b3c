import './find-person.scss';
import { useState } from 'react';
import type { NhsNumber } from '../../domain/nhs-number';
import type { PatientSearch, SearchForm } from '../../domain/patient-search';
import { newDetailsSearch, type DetailsSearch } from '../../queries/patient-search-queries';
import { useRuntime } from '../../runtime/runtime-context';
import { DetailsForm } from './details-form';
import { findPersonWords as words } from './find-person-words';
import { NationalResults } from './national-results';
import { SavedResults } from './saved-results';

/** Where the chosen person's record is to come from: the national services, or the copy saved on this device. */
export type ChosenFrom = 'national' | 'device';

export interface FindPersonProps {
  /** Details to start with (demo mode's search examples). */
  readonly initial?: SearchForm | undefined;
  /** The crew chose a person: the screen runs the NHS-number lookup (or opens the saved copy). */
  readonly onChoose: (nhsNumber: NhsNumber, from: ChosenFrom) => void;
}

type Asked = { readonly where: 'national'; readonly detailsSearch: DetailsSearch } | { readonly where: 'device'; readonly detailsSearch: DetailsSearch };

/**
 * Find the person without an NHS number (issue 12): their details, checked before anything is
 * sent; PDS's answer, best match first, to choose from; with no signal, the plans saved on this
 * device that match, labelled as such.
 */
export function FindPerson({ initial, onChoose }: FindPersonProps) {
  const { connectivity } = useRuntime();
  const [asked, setAsked] = useState<Asked>();
  // Known to be offline: the device answers at once; a search by details is never queued.
  const ask = (search: PatientSearch) =>
    setAsked({ where: connectivity.getSnapshot().reachable ? 'national' : 'device', detailsSearch: newDetailsSearch(search) });

  return (
    <section className="crl-find-person" aria-labelledby="find-person-heading">
      <h2 className="nhsuk-heading-m" id="find-person-heading">
        {words.heading}
      </h2>
      <p>{words.intro}</p>
      <DetailsForm initial={initial} onSearch={ask} />
      {asked?.where === 'national' && (
        <NationalResults
          key={asked.detailsSearch.id}
          detailsSearch={asked.detailsSearch}
          onChoose={(nhsNumber) => onChoose(nhsNumber, 'national')}
          onChooseSaved={(nhsNumber) => onChoose(nhsNumber, 'device')}
          onWiden={(search) => setAsked({ where: 'national', detailsSearch: newDetailsSearch(search) })}
        />
      )}
      {asked?.where === 'device' && (
        <SavedResults key={asked.detailsSearch.id} id={asked.detailsSearch.id} search={asked.detailsSearch.search} onChoose={(nhsNumber) => onChoose(nhsNumber, 'device')} />
      )}
    </section>
  );
}
