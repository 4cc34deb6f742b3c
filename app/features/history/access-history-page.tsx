import './history.scss';
import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { AccessHistory, AccessHistoryFilters } from '../../domain/access-record';
import { formatFhirDate } from '../../domain/dates';
import { formatNhsNumber } from '../../domain/nhs-number';
import { ACCESS_HISTORY_PAGE_SIZE } from '../../services/audit-history-search';
import { isServiceError } from '../../services/service-error';
import { describeAccessHistoryError } from '../../services/service-error-messages';
import { describeError } from '../shell/describe-error';
import { ProblemCard } from '../shell/problem-card';
import { useRuntime } from '../shell/runtime-context';
import { shellWords } from '../shell/shell-words';
import { accessHistoryCsv, downloadCsv } from './access-history-csv';
import { accessHistoryQuery, defaultHistoryFilters, type HistorySearch } from './access-history-query';
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
  const history = useQuery(accessHistoryQuery(accessHistory, search));

  useEffect(() => {
    const before = document.title;
    document.title = `${words.pageTitle} – ${shellWords.serviceName}`;
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
      {history.isFetching && (
        <p className="crl-status" role="status">
          {words.loading}
        </p>
      )}
      {history.isError && !history.isFetching && (
        <ProblemCard title={words.failedTitle} level="warning">
          <p>{isServiceError(history.error) ? describeAccessHistoryError(history.error) : describeError(history.error)}</p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void history.refetch()}>
            {words.tryAgain}
          </button>
        </ProblemCard>
      )}
      {history.isSuccess && !history.isFetching && <HistoryResult history={history.data} filters={search.filters} />}
    </>
  );
}

function HistoryResult({ history, filters }: { history: AccessHistory; filters: AccessHistoryFilters }) {
  const exportHintId = useId();
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
      {history.more && (
        <div className="nhsuk-inset-text">
          <p>{words.more(ACCESS_HISTORY_PAGE_SIZE)}</p>
        </div>
      )}
      {records.length === 0 ? (
        <p className="nhsuk-body-l" role="status">
          {words.empty}
        </p>
      ) : (
        <>
          <AccessHistoryTable records={records} />
          <p className="nhsuk-hint" id={exportHintId}>
            {words.exportHint}
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
