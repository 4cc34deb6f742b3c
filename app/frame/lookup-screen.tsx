import { lazy, Suspense } from 'react';
import { DemoPatientList } from '../features/demo/demo-patient-list';
import { LookupPage } from '../features/lookup/lookup-page';
import { SavedOnDevice } from '../features/saved/saved-on-device';
import { useRuntime } from '../runtime/runtime-context';
import { ScreenBoundary } from '../ui/screen-boundary';

// Downloaded when the crew first switches to it, so the first screen stays within its budget.
const FindPerson = lazy(() => import('../features/find-person/find-person').then((module) => ({ default: module.FindPerson })));

// Demo mode only, and downloaded only then: live devices never load the trainer tools.
const TrainerTools = lazy(() => import('../features/demo/trainer-tools').then((module) => ({ default: module.TrainerTools })));

/**
 * The crew's first screen: the lookup, with what is saved on this device and, in demo mode, the
 * synthetic patients and the trainer's tools. The frame composes them, so no feature imports
 * another (features/lookup may compose plan and contacts only).
 */
export function LookupScreen() {
  const { mode, demoPatients, demoSearchExamples, trainer } = useRuntime();
  return (
    <LookupPage
      saved={(onOpen) => <SavedOnDevice onOpen={onOpen} />}
      picker={
        mode === 'demo'
          ? ({ open, onPick, onTryDetails }) => (
              <DemoPatientList patients={demoPatients} searchExamples={demoSearchExamples ?? []} open={open} onPick={onPick} onTryDetails={onTryDetails} />
            )
          : undefined
      }
      findPerson={(parts) => (
        <ScreenBoundary>
          <Suspense fallback={null}>
            <FindPerson {...parts} />
          </Suspense>
        </ScreenBoundary>
      )}
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
