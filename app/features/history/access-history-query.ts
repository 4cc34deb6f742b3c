import { infiniteQueryOptions } from '@tanstack/react-query';
import type { AccessHistory, AccessHistoryFilters, AccessRecord } from '../../domain/access-record';
import { addCalendarDays, ukCalendarDay } from '../../domain/calendar-days';
import type { AccessHistoryPageResult } from '../../services/audit-history-search';
import type { Runtime } from '../../runtime/runtime-context';

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

/**
 * The access history for one search, a page at a time (STYLE.md §2: the options own the key and
 * call the client). Each later page is the previous one's `next` link, as the audit service gave it.
 */
export function accessHistoryQuery(history: Runtime['accessHistory'], search: HistorySearch) {
  return infiniteQueryOptions({
    queryKey: ['access-history', search.id, search.filters],
    queryFn: ({ signal, pageParam }) => history.searchAccessHistory(search.filters, { signal, next: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next,
    // Who looked at which patient is not kept in memory once the screen is left; opening it
    // again asks the audit service again.
    gcTime: 0,
  });
}

/**
 * Every page loaded so far as one history: the rows in the order the pages came (the server's
 * newest-first sort), each access once (a record that moved to the next page as newer ones arrived
 * is not shown twice), and unreadable entries added up. After the first page, there are more only
 * when the last page links to a next one: a Bundle's `total` counts every match, not those still to come.
 */
export function loadedHistory(pages: readonly AccessHistoryPageResult[]): AccessHistory {
  const seen = new Set<string>();
  const records: AccessRecord[] = [];
  for (const record of pages.flatMap((page) => page.records)) {
    if (seen.has(record.id)) continue;
    seen.add(record.id);
    records.push(record);
  }
  const more = pages.length > 1 ? pages.at(-1)?.next !== undefined : (pages[0]?.more ?? false);
  return { records, unreadable: pages.reduce((sum, page) => sum + page.unreadable, 0), more };
}
