import { Component, type ReactNode } from 'react';
import { ProblemCard } from './problem-card';
import { uiWords } from './ui-words';

/**
 * Catches a lazily loaded screen that fails to load (its chunk missing, for example after an
 * update removed it) or throws while drawing: a clear card instead of a blank page.
 */
export class ScreenBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('A screen failed to open', error);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <ProblemCard title={uiWords.screenFailedTitle} level="warning" headingLevel={2}>
        <p>{uiWords.screenFailedAdvice}</p>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => location.reload()}>
          {uiWords.reload}
        </button>
      </ProblemCard>
    );
  }
}
