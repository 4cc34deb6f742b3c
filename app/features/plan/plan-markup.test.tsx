// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { RuntimeProvider } from '../../runtime/runtime-context';
import { NO_NATIONAL_SERVICES, testRuntime } from '../../test-support/runtime';
import { PlanMarkup } from './plan-markup';

// jsdom cannot open a dialler or a page: stop the navigation once the app has heard the tap.
const stopNavigation = (event: Event) => event.preventDefault();
beforeEach(() => document.addEventListener('click', stopNavigation));
afterEach(() => document.removeEventListener('click', stopNavigation));

const html =
  '<p>Crisis line: <a href="tel:08001234567"><strong>0800 123 4567</strong></a></p>' +
  '<p><a href=" TEL:08009876543">Out of hours</a> <a href="https://rx4.example/plan">Trust page</a> <a href="mailto:team@rx4.example">Email the team</a></p>';

function showPlan(allowCall?: () => void) {
  render(
    <RuntimeProvider runtime={testRuntime(NO_NATIONAL_SERVICES, allowCall ? { allowCall } : {})}>
      <PlanMarkup safeHtml={html} />
    </RuntimeProvider>,
  );
}

describe('PlanMarkup: a number in the plan hands the crew to the dialler (issue 11)', () => {
  it('tells the idle lock when a tel: link is tapped, even on text inside the link', () => {
    const allowCall = vi.fn();
    showPlan(allowCall);
    fireEvent.click(screen.getByText('0800 123 4567'));
    expect(allowCall).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('link', { name: 'Out of hours' }));
    expect(allowCall).toHaveBeenCalledTimes(2);
  });

  it('does not for web or email links, nor for the plan’s text', () => {
    const allowCall = vi.fn();
    showPlan(allowCall);
    fireEvent.click(screen.getByRole('link', { name: 'Trust page' }));
    fireEvent.click(screen.getByRole('link', { name: 'Email the team' }));
    fireEvent.click(screen.getByText(/Crisis line/));
    expect(allowCall).not.toHaveBeenCalled();
  });

  it('renders without a runtime (no lock to tell)', () => {
    render(<PlanMarkup safeHtml={html} />);
    fireEvent.click(screen.getByText('0800 123 4567'));
    expect(screen.getByRole('link', { name: '0800 123 4567' })).toHaveAttribute('href', 'tel:08001234567');
  });
});
