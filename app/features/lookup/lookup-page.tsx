import { useState } from 'react';
import { formatNhsNumber, type NhsNumber } from '../../domain/nhs-number';
import { useRuntime } from '../shell/runtime-context';
import { DemoPatientList } from '../demo/demo-patient-list';
import { LookupResult } from './lookup-result';
import { newLookup, type Lookup } from '../../sync/lookup-queries';
import { lookupWords } from './lookup-words';
import { SearchForm } from './search-form';

export function LookupPage() {
  const { mode, demoPatients } = useRuntime();
  const [lookup, setLookup] = useState<Lookup>();
  const search = (nhsNumber: NhsNumber) => setLookup(newLookup(nhsNumber));

  return (
    <>
      <h1 className="nhsuk-heading-l">{lookupWords.pageTitle}</h1>
      {/* Re-keyed when a demo patient is picked, so the box shows the number searched. */}
      <SearchForm key={lookup?.id} onSearch={search} initialValue={lookup ? formatNhsNumber(lookup.nhsNumber) : ''} />
      {mode === 'demo' && <DemoPatientList patients={demoPatients} open={!lookup} onPick={search} />}
      {lookup && <LookupResult key={lookup.id} lookup={lookup} />}
    </>
  );
}
