// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PinSetup } from './pin-setup';

function setUp(onSetPin = vi.fn(async (_pin: string): Promise<void> => undefined)) {
  const user = userEvent.setup();
  render(<PinSetup personName="Alex Test-Paramedic" lockAfterMinutes={5} onSetPin={onSetPin} />);
  const pin = screen.getByLabelText('Shift PIN');
  const again = screen.getByLabelText('Enter the PIN again');
  const submit = () => user.click(screen.getByRole('button', { name: 'Set PIN' }));
  return { user, pin, again, submit, onSetPin };
}

/** What describes a field, piece by piece (hint, inline error). */
function describedBy(field: HTMLElement) {
  return field.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)!.textContent);
}

/** The error summary, once it has focus (the NHS.UK pattern), and its links. */
async function summary() {
  const alert = await screen.findByRole('alert');
  const box = alert.closest('.nhsuk-error-summary') as HTMLElement;
  await waitFor(() => expect(box).toHaveFocus());
  expect(within(box).getByRole('heading', { name: 'There is a problem' })).toBeInTheDocument();
  return within(box).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')]);
}

describe('PinSetup', () => {
  it('asks for a PIN the paramedic way: numeric keyboard, password managers welcome, large fields, the rule in plain words', () => {
    const { pin, again } = setUp();
    expect(screen.getByRole('heading', { level: 1, name: 'Set a shift PIN' })).toBeInTheDocument();
    expect(screen.getByText(/locks when nobody has touched it for 5 minutes/)).toBeInTheDocument();
    for (const field of [pin, again]) {
      expect(field).toHaveAttribute('type', 'password');
      expect(field).toHaveAttribute('inputmode', 'numeric');
      expect(field).toHaveAttribute('autocomplete', 'new-password');
      expect(field).toHaveClass('crl-pin-input');
    }
    expect(pin).toHaveAccessibleDescription('Use at least 6 digits. Avoid 123456 or 111111.');
    // A user name for the password manager to file the PIN under.
    expect(document.querySelector('input[autocomplete="username"]')).toHaveValue('Alex Test-Paramedic');
  });

  it('sets a good PIN typed twice, without spaces', async () => {
    const { user, pin, again, submit, onSetPin } = setUp();
    await user.type(pin, '246 813');
    await user.type(again, '246813');
    await submit();
    expect(onSetPin).toHaveBeenCalledWith('246813');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('lets a PIN be pasted into both fields (never blocked)', async () => {
    const { user, pin, again, submit, onSetPin } = setUp();
    const event = new Event('paste', { bubbles: true, cancelable: true });
    expect(pin.dispatchEvent(event)).toBe(true);
    expect(event.defaultPrevented).toBe(false);
    await user.click(pin);
    await user.paste('97531864');
    await user.click(again);
    await user.paste('97531864');
    expect(pin).toHaveValue('97531864');
    await submit();
    expect(onSetPin).toHaveBeenCalledWith('97531864');
  });

  it.each([
    ['', 'Enter a shift PIN'],
    ['2468', 'Use at least 6 digits for the PIN'],
    ['1234567890123', 'Use 12 digits or fewer for the PIN'],
    ['24681a', 'Use numbers only for the PIN'],
    ['111111', 'Do not use the same digit every time, like 111111'],
    ['123456', 'Do not use digits in order, like 123456 or 987654'],
    ['987654', 'Do not use digits in order, like 123456 or 987654'],
  ])('refuses %j in the error summary and inline, and sets nothing', async (bad, message) => {
    const { user, pin, again, submit, onSetPin } = setUp();
    if (bad) await user.type(pin, bad);
    if (bad) await user.type(again, bad);
    await submit();
    expect(await summary()).toEqual([[message, `#${pin.id}`]]);
    expect(describedBy(pin)).toEqual(['Use at least 6 digits. Avoid 123456 or 111111.', `Error: ${message}`]);
    expect(pin).toHaveAttribute('aria-invalid', 'true');
    expect(onSetPin).not.toHaveBeenCalled();
  });

  it('refuses two PINs that differ, on the second field', async () => {
    const { user, pin, again, submit, onSetPin } = setUp();
    await user.type(pin, '246813');
    await user.type(again, '246831');
    await submit();
    expect(await summary()).toEqual([['The PINs do not match. Enter the same PIN twice', `#${again.id}`]]);
    expect(describedBy(again)).toEqual(['Error: The PINs do not match. Enter the same PIN twice']);
    expect(onSetPin).not.toHaveBeenCalled();
  });

  it('asks for the PIN again when the second field is empty', async () => {
    const { user, pin, again, submit, onSetPin } = setUp();
    await user.type(pin, '246813');
    await submit();
    expect(await summary()).toEqual([['Enter the PIN again', `#${again.id}`]]);
    expect(onSetPin).not.toHaveBeenCalled();
  });

  it('shows both PINs on request, and hides them again', async () => {
    const { user, pin, again } = setUp();
    const toggle = screen.getByRole('button', { name: 'Show PIN' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(pin).toHaveAttribute('type', 'text');
    expect(again).toHaveAttribute('type', 'text');
    await user.click(toggle);
    expect(pin).toHaveAttribute('type', 'password');
  });

  it('says the PIN could not be set when setting it fails, and can try again', async () => {
    const onSetPin = vi.fn(async (_pin: string) => {
      throw new Error('wrapKey failed');
    });
    const { user, pin, again, submit } = setUp(onSetPin);
    await user.type(pin, '246813');
    await user.type(again, '246813');
    await submit();
    expect(await summary()).toEqual([['The PIN could not be set on this tablet. Try again. If it fails again, sign out and sign in.', `#${pin.id}`]]);
    expect(screen.getByRole('button', { name: 'Set PIN' })).toBeEnabled();
  });

  it('does not set twice while setting (a double tap)', async () => {
    let finish = () => {};
    const onSetPin = vi.fn((_pin: string) => new Promise<void>((resolve) => (finish = resolve)));
    const { user, pin, again } = setUp(onSetPin);
    await user.type(pin, '246813');
    await user.type(again, '246813');
    const form = pin.closest('form')!;
    fireEvent.submit(form);
    fireEvent.submit(form);
    expect(onSetPin).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('button', { name: 'Setting PIN…' })).toBeDisabled();
    finish();
    expect(await screen.findByRole('button', { name: 'Set PIN' })).toBeEnabled();
  });
});
