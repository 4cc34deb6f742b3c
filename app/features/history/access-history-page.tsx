import './history.scss';
import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { AccessHistory, AccessHistoryFilters } from '../../domain/access-record';
import { formatFhirDate } from '../../domain/dates';
import { formatNhsNumber } from '../../domain/nhs-number';
import { isServiceError } from '../../services/service-error';
import { describeAccessHistoryError } from '../../services/service-error-messages';
import { describeError } from '../../ui/describe-error';
import { ProblemCard } from '../../ui/problem-card';
import { useRuntime } from '../../runtime/runtime-context';
import { uiWords } from '../../ui/ui-words';
import { accessHistoryCsv, downloadCsv } from './access-history-csv';
import { accessHistoryQuery, defaultHistoryFilters, loadedHistory, type HistorySearch } from './access-history-query';
import { AccessHistoryTable } from './access-history-table';
import { HistoryFilters } from './history-filters';
import { historyWords as words } from './history-words';

/**
 * Access history: what a clinical lead reviews, read back from the trust's audit service.
 * The app cannot tell a lead from a crew (no sign-in yet): the gateway must allow
 * `GET AuditEvent` to clinical leads only (docs/deployment.md). Loaded lazily, so the crew's
 * first screen does not carry it.
 */
export function AccessHistoryPage() {
  const { accessHistory } = useRuntime();
  const [search, setSearch] = useState<HistorySearch>(() => ({ id: 0, filters: defaultHistoryFilters(new Date()) }));
  const history = useInfiniteQuery(accessHistoryQuery(accessHistory, search));
  // The first page (a new search, or trying it again); a later page loads under the rows shown.
  const loadingFirst = history.isFetching && !history.isFetchingNextPage;

  useEffect(() => {
    const before = document.title;
    document.title = `${words.pageTitle} – ${uiWords.serviceName}`;
    return () => {
      document.title = before;
    };
  }, []);

  return (
    <>
      <h1 className="nhsuk-heading-l">{words.pageTitle}</h1>
      <p>{words.intro}</p>
      <HistoryFilters initial={search.filters} onApply={(filters) => setSearch((previous) => ({ id: previous.id + 1, filters }))} />
      <RecordsStillOnDevice />
      {loadingFirst && (
        <p className="crl-status" role="status">
          {words.loading}
        </p>
      )}
      {history.isError && !history.isFetchNextPageError && !loadingFirst && (
        <ProblemCard title={words.failedTitle} level="warning">
          <p>{describeFailure(history.error)}</p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void history.refetch()}>
            {words.tryAgain}
          </button>
        </ProblemCard>
      )}
      {history.data && !loadingFirst && (
        <HistoryResult
          history={loadedHistory(history.data.pages)}
          filters={search.filters}
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

function HistoryResult({ history, filters, next }: { history: AccessHistory; filters: AccessHistoryFilters; next: NextPage }) {
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
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={next.load}>
            {words.tryAgain}
          </button>
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
