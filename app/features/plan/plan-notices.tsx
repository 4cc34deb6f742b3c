/** What shows in place of a plan while it opens, or when it cannot be shown: never a blank area. */
import { ProblemCard } from '../../ui/problem-card';
import { planWords } from './plan-words';

export function PlanOpening() {
  return (
    <p role="status" className="nhsuk-body-l crl-status">
      {planWords.opening}
    </p>
  );
}

/** The whole plan cannot be shown: as prominent as failing to retrieve it. */
export function PlanUnreadable({ detail }: { detail: string }) {
  return (
    <div role="alert">
      <ProblemCard title={planWords.unreadableTitle} level="urgent" headingLevel={3}>
        <p>{detail}</p>
      </ProblemCard>
    </div>
  );
}

/** One part (a page) cannot be shown, the rest can. */
export function PlanPartProblem({ message }: { message: string }) {
  return (
    <p role="alert" className="nhsuk-error-message">
      {message}
    </p>
  );
}
