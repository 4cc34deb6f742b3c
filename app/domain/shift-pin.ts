/**
 * The shift PIN (issue 11): what a PIN must be before it may protect saved plans. Pure.
 * At least 6 digits; not all the same digit; not a simple run up or down (123456, 987654).
 */

export const MIN_PIN_DIGITS = 6;
export const MAX_PIN_DIGITS = 12;
/** Wrong PINs in a row before the saved clinical data is wiped (issue 11 point 4). */
export const MAX_PIN_TRIES = 5;

export type PinProblem = 'not-digits' | 'too-short' | 'too-long' | 'all-same' | 'simple-run';

export function pinProblem(pin: string): PinProblem | undefined {
  if (!/^\d*$/.test(pin)) return 'not-digits';
  if (pin.length < MIN_PIN_DIGITS) return 'too-short';
  if (pin.length > MAX_PIN_DIGITS) return 'too-long';
  if (/^(\d)\1*$/.test(pin)) return 'all-same';
  const steps = [...pin].slice(1).map((digit, i) => (Number(digit) - Number(pin[i]!) + 10) % 10);
  if (steps.every((step) => step === 1) || steps.every((step) => step === 9)) return 'simple-run';
  return undefined;
}
