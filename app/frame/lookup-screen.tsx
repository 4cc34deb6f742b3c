import { lazy, Suspense } from 'react';
import { DemoPatientList } from '../features/demo/demo-patient-list';
import { LookupPage } from '../features/lookup/lookup-page';
import { SavedOnDevice } from '../features/saved/saved-on-device';
import { useRuntime } from '../runtime/runtime-context';
import { ScreenBoundary } from '../ui/screen-boundary';

// Demo mode only, and downloaded only then: live devices never load the trainer tools.
const TrainerTools = lazy(() => import('../features/demo/trainer-tools').then((module) => ({ default: module.TrainerTools })));

/**
 * The crew's first screen: the lookup, with what is saved on this device and, in demo mode, the
 * synthetic patients and the trainer's tools. The frame composes them, so no feature imports
 * another (features/lookup may compose plan and contacts only).
 */
export function LookupScreen() {
  const { mode, demoPatients, trainer } = useRuntime();
  return (
    <LookupPage
      saved={(onOpen) => <SavedOnDevice onOpen={onOpen} />}
      picker={mode === 'demo' ? ({ open, onPick }) => <DemoPatientList patients={demoPatients} open={open} onPick={onPick} /> : undefined}
      tools={
        mode === 'demo' && trainer
          ? (onReset) => (
              // A tools chunk that fails to load must not take the crew's screen with it.
              <ScreenBoundary>
                <Suspense fallback={null}>
                  <TrainerTools trainer={trainer} onReset={onReset} />
                </Suspense>
              </ScreenBoundary>
            )
          : undefined
      }
    />
  );
}
