import { useState, useSyncExternalStore } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TrainerTools as DemoTrainerTools } from '../../sync/trainer-tools';
import { SAVED_ON_DEVICE_KEY } from '../../queries/saved-on-device-key';
import { ConfirmDestructive } from '../../ui/confirm-destructive';
import { useRuntime } from '../../runtime/runtime-context';
import { demoWords } from './demo-words';
import './trainer-tools.scss';

const words = demoWords.trainerTools;

/**
 * Demo mode only (docs/decisions.md 9): Simulate no signal, to show trainees the Offline banner,
 * saved copies and queued searches; and Reset demo, to start each session clean. The lookup
 * screen loads this lazily, so live devices never download it.
 */
export function TrainerTools({ trainer, onReset }: { trainer: DemoTrainerTools; onReset: () => void }) {
  const { queuedResults } = useRuntime();
  const queryClient = useQueryClient();
  const noSignal = useSyncExternalStore(trainer.noSignal.subscribe, trainer.noSignal.getSnapshot);
  const [confirming, setConfirming] = useState(false);
  const reset = useMutation({
    mutationFn: () => trainer.reset(),
    onSuccess: () => {
      // Nothing from the session may outlive the reset in memory either.
      queuedResults.set([]);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SAVED_ON_DEVICE_KEY[0] });
      onReset();
    },
    onSettled: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: SAVED_ON_DEVICE_KEY });
    },
  });

  return (
    <section className="crl-trainer-tools" aria-labelledby="trainer-tools-heading">
      <h2 className="nhsuk-heading-m" id="trainer-tools-heading">
        {words.heading}
      </h2>
      <p>{words.intro}</p>
      <div className="nhsuk-form-group">
        <div className="nhsuk-checkboxes">
          <div className="nhsuk-checkboxes__item">
            <input
              className="nhsuk-checkboxes__input"
              id="trainer-no-signal"
              name="trainer-no-signal"
              type="checkbox"
              checked={noSignal}
              aria-describedby="trainer-no-signal-hint"
              onChange={(event) => {
                reset.reset();
                trainer.noSignal.set(event.target.checked);
              }}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="trainer-no-signal">
              {words.noSignal}
            </label>
            <div className="nhsuk-hint nhsuk-checkboxes__hint" id="trainer-no-signal-hint">
              {words.noSignalHint}
            </div>
          </div>
        </div>
      </div>
      {reset.isSuccess && !confirming && <p role="status">{words.resetDone}</p>}
      {reset.isError && <p role="alert">{words.resetFailed}</p>}
      <ConfirmDestructive
        confirming={confirming}
        onAsk={() => setConfirming(true)}
        onCancel={() => setConfirming(false)}
        onConfirm={() => reset.mutate()}
        busy={reset.isPending}
        words={{ action: words.reset, title: words.resetConfirmTitle, body: words.resetConfirmBody, confirm: words.resetConfirm, cancel: words.resetCancel }}
      />
    </section>
  );
}
