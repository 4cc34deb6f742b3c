// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PinUnlock, type UnlockResult } from './pin-unlock';

function setUp({
  triesLeft = 5,
  result = 'unlocked' as UnlockResult | Error,
  context,
}: { triesLeft?: number; result?: UnlockResult | Error; context?: 'locked' | 'offline-start' } = {}) {
  const user = userEvent.setup();
  const onUnlock = vi.fn(async (_pin: string): Promise<UnlockResult> => {
    if (result instanceof Error) throw result;
    return result;
  });
  const onWiped = vi.fn();
  const onSignOut = vi.fn();
  const props = { personName: 'Alex Test-Paramedic', onUnlock, onWiped, onSignOut, ...(context ? { context } : {}) };
  const view = render(<PinUnlock {...props} triesLeft={triesLeft} />);
  const pin = screen.getByLabelText('Shift PIN');
  const unlock = async (value: string) => {
    if (value) await user.type(pin, value);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
  };
  return { user, pin, unlock, onUnlock, onWiped, onSignOut, rerender: (tries: number) => view.rerender(<PinUnlock {...props} triesLeft={tries} />) };
}

async function summaryMessages() {
  const alert = await screen.findByRole('alert');
  const box = alert.closest('.nhsuk-error-summary') as HTMLElement;
  await waitFor(() => expect(box).toHaveFocus());
  return within(box).getAllByRole('link').map((link) => link.textContent);
}

describe('PinUnlock', () => {
  it('asks for the shift PIN with the person still named, and says how many tries are left', () => {
    const { pin } = setUp({ triesLeft: 2 });
    expect(screen.getByRole('heading', { level: 1, name: 'Enter your shift PIN' })).toBeInTheDocument();
    expect(screen.getByText('Alex Test-Paramedic is signed in. The app locked to keep patients’ plans private.')).toBeInTheDocument();
    expect(pin).toHaveAccessibleDescription('2 tries left before saved plans are removed from this tablet');
    expect(pin).toHaveAttribute('type', 'password');
    expect(pin).toHaveAttribute('inputmode', 'numeric');
    expect(pin).toHaveAttribute('autocomplete', 'current-password');
    expect(pin).toHaveFocus();
    expect(document.querySelector('input[autocomplete="username"]')).toHaveValue('Alex Test-Paramedic');
  });

  it('says "1 try" for the last one', () => {
    const { pin } = setUp({ triesLeft: 1 });
    expect(pin).toHaveAccessibleDescription('1 try left before saved plans are removed from this tablet');
  });

  it('says why it asks on an offline start', () => {
    setUp({ context: 'offline-start' });
    expect(screen.getByText(/^No signal\. Alex Test-Paramedic signed in on this tablet earlier in the shift/)).toBeInTheDocument();
  });

  it('checks the PIN it was given, pasted or typed, without spaces', async () => {
    const { user, pin, onUnlock } = setUp();
    await user.click(pin);
    await user.paste('246 813');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(onUnlock).toHaveBeenCalledWith('246813');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says a wrong PIN is wrong and how many tries are left, keeps the person, and clears the field for another go', async () => {
    const { pin, unlock, rerender, onWiped, onSignOut } = setUp({ triesLeft: 3, result: 'wrong' });
    await unlock('864213');
    expect(await summaryMessages()).toEqual(['That PIN is not right. 2 tries left before saved plans are removed from this tablet']);
    rerender(2);
    expect(pin).toHaveValue('');
    expect(pin).toHaveAttribute('aria-invalid', 'true');
    expect(pin.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)!.textContent)).toEqual([
      '2 tries left before saved plans are removed from this tablet',
      'Error: That PIN is not right. 2 tries left before saved plans are removed from this tablet',
    ]);
    expect(screen.getByText(/Alex Test-Paramedic is signed in/)).toBeInTheDocument();
    expect(onWiped).not.toHaveBeenCalled();
    expect(onSignOut).not.toHaveBeenCalled();
  });

  it('goes to the wiped page when the last try was wrong', async () => {
    const { unlock, onWiped } = setUp({ triesLeft: 1, result: 'wiped' });
    await unlock('864213');
    expect(onWiped).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('asks for a PIN when none was typed, without using a try', async () => {
    const { unlock, onUnlock } = setUp();
    await unlock('');
    expect(await summaryMessages()).toEqual(['Enter your shift PIN']);
    expect(onUnlock).not.toHaveBeenCalled();
  });

  it('says the PIN could not be checked when checking fails', async () => {
    const { unlock } = setUp({ result: new Error('IndexedDB closed') });
    await unlock('864213');
    expect(await summaryMessages()).toEqual(['The PIN could not be checked. Try again.']);
  });

  it('offers Sign out, which removes saved plans, under "Forgotten your PIN?"', async () => {
    const { user, onSignOut } = setUp();
    await user.click(screen.getByText('Forgotten your PIN?'));
    expect(screen.getByText(/Signing out removes the saved plans from this tablet/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Sign out and remove saved plans' }));
    expect(onSignOut).toHaveBeenCalledTimes(1);
  });

  it('shows the PIN on request', async () => {
    const { user, pin } = setUp();
    await user.click(screen.getByRole('button', { name: 'Show PIN' }));
    expect(pin).toHaveAttribute('type', 'text');
  });
});
