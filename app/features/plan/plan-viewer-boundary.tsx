import { Component } from 'react';
import type { ReactNode } from 'react';
import type { PlanDocument } from '../../domain/plan-document';
import { PlanUnreadable } from './plan-notices';
import { planWords } from './plan-words';

interface BoundaryProps {
  /** A different plan gets a fresh try. */
  readonly plan: PlanDocument;
  readonly children: ReactNode;
}

interface BoundaryState {
  readonly plan: PlanDocument;
  readonly failed: boolean;
}

/**
 * Catches a viewer that fails to load (its chunk missing from the offline cache) or throws
 * while drawing, so the crew sees why there is no plan instead of a blank page.
 */
export class PlanViewerBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { plan: this.props.plan, failed: false };

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.plan === state.plan ? null : { plan: props.plan, failed: false };
  }

  static getDerivedStateFromError(): Partial<BoundaryState> {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('Plan viewer failed', error);
  }

  override render(): ReactNode {
    return this.state.failed ? <PlanUnreadable detail={planWords.viewerUnavailable} /> : this.props.children;
  }
}
