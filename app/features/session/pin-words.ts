import { MAX_PIN_DIGITS, MAX_PIN_TRIES, MIN_PIN_DIGITS, type PinProblem } from '../../domain/shift-pin';
import { sessionWords } from './session-words';

/**
 * Words of the shift PIN and the lock (issue 11), in one place for clinical review. Apart from
 * session-words.ts so that the PIN screens load in their own chunk.
 */
export const pinWords = {
  signInButton: sessionWords.signInButton,
  signingIn: sessionWords.signingIn,
  signingOut: sessionWords.signingOut,
  // The shift PIN (issue 11).
  pinErrorSummaryTitle: 'There is a problem',
  showPin: 'Show PIN',
  pinSetupTitle: 'Set a shift PIN',
  pinSetupLead: (lockAfterMinutes: number | undefined) =>
    `The PIN keeps patients’ plans private on this tablet. The app locks when nobody has touched it for ${lockAfterMinutes === undefined ? 'a few minutes' : lockAfterMinutes === 1 ? '1 minute' : `${lockAfterMinutes} minutes`}, and the PIN opens it again, with or without signal.`,
  pinSetupRemember: 'Choose a PIN you will remember for this shift. Do not use the PIN for your smartcard or your phone.',
  pinLabel: 'Shift PIN',
  pinHint: `Use at least ${MIN_PIN_DIGITS} digits. Avoid 123456 or 111111.`,
  pinAgainLabel: 'Enter the PIN again',
  pinEmpty: 'Enter a shift PIN',
  pinProblem: {
    'not-digits': 'Use numbers only for the PIN',
    'too-short': `Use at least ${MIN_PIN_DIGITS} digits for the PIN`,
    'too-long': `Use ${MAX_PIN_DIGITS} digits or fewer for the PIN`,
    'all-same': 'Do not use the same digit every time, like 111111',
    'simple-run': 'Do not use digits in order, like 123456 or 987654',
  } satisfies Record<PinProblem, string>,
  pinAgainEmpty: 'Enter the PIN again',
  pinMismatch: 'The PINs do not match. Enter the same PIN twice',
  setPinButton: 'Set PIN',
  settingPin: 'Setting PIN…',
  setPinFailed: 'The PIN could not be set on this tablet. Try again. If it fails again, sign out and sign in.',

  unlockTitle: 'Enter your shift PIN',
  unlockLockedLead: (name: string) => `${name} is signed in. The app locked to keep patients’ plans private.`,
  unlockOfflineLead: (name: string) => `No signal. ${name} signed in on this tablet earlier in the shift: enter the shift PIN to open the plans saved on this device.`,
  unlockLabel: 'Shift PIN',
  triesLeft: (tries: number) => `${tries === 1 ? '1 try' : `${tries} tries`} left before saved plans are removed from this tablet`,
  unlockEmpty: 'Enter your shift PIN',
  wrongPin: (tries: number) => `That PIN is not right. ${tries === 1 ? '1 try' : `${tries} tries`} left before saved plans are removed from this tablet`,
  unlockFailed: 'The PIN could not be checked. Try again.',
  unlockButton: 'Unlock',
  unlocking: 'Checking PIN…',
  forgottenPin: 'Forgotten your PIN?',
  forgottenPinLead: 'Sign out, then sign in again with signal and set a new PIN. Signing out removes the saved plans from this tablet. Records of who looked at what are kept until the audit service has them.',
  forgottenPinSignOut: 'Sign out and remove saved plans',

  wipedTitle: 'Saved plans removed',
  wipedLead: `Saved plans were removed after ${MAX_PIN_TRIES} wrong PINs. Sign in again with signal to go on.`,
  wipedKept: 'Records of who looked at what are kept on this tablet until the audit service has them.',
  wipedNoSignal: 'There is no signal now. Sign in when you have signal.',
} as const;
