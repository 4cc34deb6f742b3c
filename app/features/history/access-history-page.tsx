import './history.scss';
import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { useInfiniteQuery, type InfiniteData, type UseInfiniteQueryResult } from '@tanstack/react-query';
import type { AccessHistory, AccessHistoryFilters, AccessRecord } from '../../domain/access-record';
import { formatFhirDate } from '../../domain/dates';
import { formatNhsNumber } from '../../domain/nhs-number';
import { isServiceError } from '../../services/service-error';
import { isTemporary } from '../../queries/offline-policy';
import { describeAccessHistoryError } from '../../services/service-error-messages';
import { describeError } from '../../ui/describe-error';
import { ProblemCard } from '../../ui/problem-card';
import { useRuntime } from '../../runtime/runtime-context';
import { uiWords } from '../../ui/ui-words';
import type { AccessHistoryPageResult } from '../../services/audit-history-search';
import { accessHistoryCsv, downloadCsv } from './access-history-csv';
import { accessHistoryQuery, defaultHistoryFilters, loadedHistory, type HistorySearch } from './access-history-query';
import { AccessHistoryTable } from './access-history-table';
import { personRole } from './describe-access-record';
import { HistoryFilters, type PersonChoice } from './history-filters';
import { historyWords as words } from './history-words';

/**
 * Access history: what a clinical lead reviews, read back from the trust's audit service.
 * The app cannot tell a lead from a crew (no sign-in yet): the gateway must allow
 * `GET AuditEvent` to clinical leads only (docs/deployment.md). Loaded lazily, so the crew's
 * first screen does not carry it.
 */
export function AccessHistoryPage() {
  const { accessHistory, mode } = useRuntime();
  const [search, setSearch] = useState<HistorySearch>(() => ({ id: 0, filters: defaultHistoryFilters(new Date()) }));
  // Show records pressed with filters that do not pass: the last good result is taken off the
  // screen, so a lead cannot read it as the answer to the filters now in the boxes (issue 9 point 8).
  const [invalidFilters, setInvalidFilters] = useState(false);
  const history = useInfiniteQuery(accessHistoryQuery(accessHistory, search));
  const people = usePeopleSeen(history.data?.pages);

  useEffect(() => {
    const before = document.title;
    document.title = uiWords.documentTitle(mode, words.pageTitle);
    return () => {
      document.title = before;
    };
  }, [mode]);

  return (
    <>
      <h1 className="nhsuk-heading-l">{words.pageTitle}</h1>
      <p>{words.intro}</p>
      <HistoryFilters
        initial={search.filters}
        people={people}
        onApply={(filters) => {
          setInvalidFilters(false);
          setSearch((previous) => ({ id: previous.id + 1, filters }));
        }}
        onInvalid={() => setInvalidFilters(true)}
      />
      <RecordsStillOnDevice />
      {invalidFilters ? (
        <p className="nhsuk-body-l">{words.invalidFilters}</p>
      ) : (
        <HistoryAnswer history={history} search={search} people={people} />
      )}
    </>
  );
}

/**
 * What the audit service said for the search last applied: loading, a failure, or the records.
 * The first page (a new search, or trying it again) hides the rows; a later page loads under them.
 */
function HistoryAnswer({
  history,
  search,
  people,
}: {
  history: UseInfiniteQueryResult<InfiniteData<AccessHistoryPageResult>>;
  search: HistorySearch;
  people: readonly PersonChoice[];
}) {
  const loadingFirst = history.isFetching && !history.isFetchingNextPage;
  return (
    <>
      {loadingFirst && (
        <p className="crl-status" role="status">
          {words.loading}
        </p>
      )}
      {history.isError && !history.isFetchNextPageError && !loadingFirst && (
        <ProblemCard title={words.failedTitle} level="warning">
          <p>{describeFailure(history.error)}</p>
          {isTemporary(history.error) && (
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void history.refetch()}>
              {words.tryAgain}
            </button>
          )}
        </ProblemCard>
      )}
      {history.data && !loadingFirst && (
        <HistoryResult
          history={loadedHistory(history.data.pages)}
          filters={search.filters}
          personName={people.find((person) => person.id === search.filters.personId)?.label}
          next={{
            available: history.hasNextPage,
            loading: history.isFetchingNextPage,
            error: history.isFetchNextPageError ? history.error : undefined,
            load: () => void history.fetchNextPage(),
          }}
        />
      )}
    </>
  );
}

const describeFailure = (error: unknown) => (isServiceError(error) ? describeAccessHistoryError(error) : describeError(error));

/** The page after those loaded: whether there is one, and how loading it went. */
interface NextPage {
  readonly available: boolean;
  readonly loading: boolean;
  readonly error: unknown;
  readonly load: () => void;
}

/**
 * Everyone named in the records loaded on this screen so far, by name, kept while the screen is
 * open: after choosing one person the list still offers the others. A lead picks a colleague by
 * name and role rather than typing a UUID; the search itself is by UUID, so two people with one
 * name are never mixed up.
 */
function usePeopleSeen(pages: readonly AccessHistoryPageResult[] | undefined): readonly PersonChoice[] {
  const [seen, setSeen] = useState<{ readonly from: unknown; readonly people: readonly PersonChoice[] }>({ from: undefined, people: [] });
  // Adjusted while rendering when new pages arrive (React's pattern for state derived from props).
  if (pages !== undefined && pages !== seen.from) setSeen({ from: pages, people: withPeopleFrom(seen.people, pages.flatMap((page) => page.records)) });
  return seen.people;
}

function withPeopleFrom(known: readonly PersonChoice[], records: readonly AccessRecord[]): readonly PersonChoice[] {
  const byId = new Map(known.map((person) => [person.id, person]));
  for (const { person } of records) {
    if (person && !byId.has(person.id)) byId.set(person.id, { id: person.id, label: words.personOption(person.name ?? words.unnamedPerson, personRole(person)) });
  }
  return byId.size === known.length ? known : [...byId.values()].sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
}

function HistoryResult({
  history,
  filters,
  personName,
  next,
}: {
  history: AccessHistory;
  filters: AccessHistoryFilters;
  personName: string | undefined;
  next: NextPage;
}) {
  const exportHintId = useId();
  const moreHintId = useId();
  const { records } = history;
  return (
    <>
      <p className="crl-inline-status">
        {words.showing(
          formatFhirDate(filters.fromDate),
          formatFhirDate(filters.toDate),
          filters.nhsNumber && formatNhsNumber(filters.nhsNumber),
          filters.action && words.actions[filters.action],
          filters.personId && (personName ?? words.unnamedPerson),
        )}
      </p>
      {history.unreadable > 0 && (
        <div className="nhsuk-inset-text">
          <p>{words.unreadable(history.unreadable)}</p>
        </div>
      )}
      {records.length === 0 ? (
        <p className="nhsuk-body-l" role="status">
          {words.empty}
        </p>
      ) : (
        <AccessHistoryTable records={records} />
      )}
      {next.error !== undefined && !next.loading ? (
        // The rows already loaded stay; only the page that failed is asked for again.
        <ProblemCard title={words.moreFailedTitle} level="warning">
          <p>{describeFailure(next.error)}</p>
          <p>{words.moreFailedKept}</p>
          {isTemporary(next.error) && (
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={next.load}>
              {words.tryAgain}
            </button>
          )}
        </ProblemCard>
      ) : next.available ? (
        <>
          <p className="nhsuk-hint" id={moreHintId}>
            {words.moreHint}
          </p>
          {next.loading && (
            <p className="crl-status" role="status">
              {words.loadingMore}
            </p>
          )}
          {/* Stays in place while the page loads, so the keyboard focus is not lost. */}
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            aria-describedby={moreHintId}
            aria-disabled={next.loading || undefined}
            onClick={() => {
              if (!next.loading) next.load();
            }}
          >
            {words.showMore}
          </button>
        </>
      ) : (
        history.more && (
          <div className="nhsuk-inset-text">
            <p>{words.more(records.length)}</p>
          </div>
        )
      )}
      {records.length > 0 && (
        <>
          <p className="nhsuk-hint" id={exportHintId}>
            {words.exportHint(records.length)}
          </p>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            aria-describedby={exportHintId}
            onClick={() => downloadCsv(words.csvFileName(filters.fromDate, filters.toDate), accessHistoryCsv(records))}
          >
            {words.exportCsv}
          </button>
        </>
      )}
    </>
  );
}

/** Accesses recorded on this device but not delivered are not in the audit service yet. */
function RecordsStillOnDevice() {
  const { accessDelivery } = useRuntime();
  const status = useSyncExternalStore(accessDelivery.subscribe, accessDelivery.getSnapshot);
  // Not counted yet (the app has just started): say nothing rather than "nothing is waiting".
  if (status.waiting === undefined) return null;
  return (
    <p className="crl-inline-status" role="status">
      {words.waiting(status.waiting)}
    </p>
  );
}
