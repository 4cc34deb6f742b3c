import { queryOptions } from '@tanstack/react-query';
import type { AccessHistoryFilters } from '../../domain/access-record';
import { addCalendarDays, ukCalendarDay } from '../../domain/calendar-days';
import type { Runtime } from '../shell/runtime-context';

/** One press of Show records: a new id asks the audit service afresh, even with the same filters. */
export interface HistorySearch {
  readonly id: number;
  readonly filters: AccessHistoryFilters;
}

/** The last 7 days, today included, in UK time. */
export function defaultHistoryFilters(now: Date): AccessHistoryFilters {
  const today = ukCalendarDay(now);
  return { fromDate: addCalendarDays(today, -6), toDate: today };
}

/** The access history for one search (STYLE.md §2: the options own the key and call the client). */
export function accessHistoryQuery(history: Runtime['accessHistory'], search: HistorySearch) {
  return queryOptions({
    queryKey: ['access-history', search.id, search.filters],
    queryFn: ({ signal }) => history.searchAccessHistory(search.filters, { signal }),
    // Who looked at which patient is not kept in memory once the screen is left; opening it
    // again asks the audit service again.
    gcTime: 0,
  });
}
