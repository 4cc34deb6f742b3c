import './record-list.css';
import { useQuery } from '@tanstack/react-query';
import { formatInstantDate } from '../../domain/dates';
import { owningOrganisationOds, type Pointer } from '../../domain/pointer';
import { organisationQuery } from '../../queries/lookup-queries';
import { useRuntime } from '../../runtime/runtime-context';
import type { Lookup } from '../../queries/lookup-queries';
import { lookupWords } from './lookup-words';

const words = lookupWords.records;

/** Every record found, crisis plans first: type, owning organisation and date; one is open. */
export function RecordList({
  lookup,
  records,
  selectedId,
  onSelect,
  filedUnder,
}: {
  lookup: Lookup;
  records: readonly Pointer[];
  selectedId: string;
  onSelect: (id: string) => void;
  /** When the person has more than one NHS number: which one each record was filed under. */
  filedUnder?: ((pointer: Pointer) => string) | undefined;
}) {
  return (
    <ul className="nhsuk-list crl-record-list" aria-label={words.heading(records.length)}>
      {records.map((pointer) => (
        <li key={pointer.id}>
          <RecordListItem lookup={lookup} pointer={pointer} selected={pointer.id === selectedId} onSelect={() => onSelect(pointer.id)} filedUnder={filedUnder?.(pointer)} />
        </li>
      ))}
    </ul>
  );
}

function RecordListItem({
  lookup,
  pointer,
  selected,
  onSelect,
  filedUnder,
}: {
  lookup: Lookup;
  pointer: Pointer;
  selected: boolean;
  onSelect: () => void;
  filedUnder: string | undefined;
}) {
  const organisationName = useOrganisationName(lookup, owningOrganisationOds(pointer));
  return (
    <button type="button" className={selected ? 'crl-record-item crl-record-item--selected' : 'crl-record-item'} aria-current={selected} onClick={onSelect}>
      <span className="crl-record-item__type">{pointer.recordType.label}</span>
      <span className="crl-record-item__meta">
        {words.from} {organisationName}
        {pointer.date && (
          <>
            {' · '}
            {words.updated} {formatInstantDate(pointer.date)}
          </>
        )}
        {filedUnder && (
          <>
            {' · '}
            {filedUnder}
          </>
        )}
      </span>
      <span className="crl-record-item__action">{selected ? words.showing : words.open}</span>
    </button>
  );
}

/** The ODS name of an organisation, or its code while loading or when ODS cannot say. */
export function useOrganisationName(lookup: Lookup, odsCode: string): string {
  const { services } = useRuntime();
  const organisation = useQuery(organisationQuery(services, lookup, odsCode));
  return organisation.data?.name ?? words.unknownOrganisation(odsCode);
}
