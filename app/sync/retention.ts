/**
 * Deletes saved clinical data past its retention time: once at start-up, then every minute
 * while the app runs (a tablet can stay open through a whole shift).
 */
export interface Purgeable {
  purgeExpired(now?: Date): Promise<number>;
}

export const RETENTION_CHECK_INTERVAL_MS = 60_000;

export function startRetention(plans: Purgeable, onPurged: (count: number) => void, intervalMs = RETENTION_CHECK_INTERVAL_MS): () => void {
  const run = () =>
    plans.purgeExpired(new Date()).then(
      (count) => {
        if (count > 0) onPurged(count);
      },
      (error: unknown) => console.error('retention check failed', error),
    );
  void run();
  const timer = setInterval(run, intervalMs);
  return () => clearInterval(timer);
}
