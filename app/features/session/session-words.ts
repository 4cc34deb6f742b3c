import type { SignInFailureKind } from '../../services/sign-in-service';

/** Words of sign-in, the refusal page and the signed-in line (issue 10), in one place for clinical review. */
export const sessionWords = {
  signInTitle: 'Sign in to find crisis plans',
  signInLead: 'Use your NHS smartcard or NHS Care Identity authenticator. You will come back here once you are signed in.',
  signInButton: 'Sign in with NHS Care Identity',
  signingIn: 'Opening NHS Care Identity…',
  completingSignIn: 'Signing you in…',
  signInFailedTitle: 'You are not signed in',
  signInFailed: {
    'provider-unreachable': 'NHS Care Identity could not be reached. Check for signal, then sign in.',
    refused: 'Sign-in was cancelled or refused. Sign in again; if it keeps happening, tell your service desk.',
    'callback-invalid': 'This sign-in could not be checked, so it was not used. Sign in again.',
    'claims-invalid': 'NHS Care Identity did not give a role for you, or did not say which one you chose. Sign out, then sign in and choose your role. If you have no role, ask your registration authority.',
    'popup-closed': 'The sign-in window was closed before you finished. Sign in again.',
  } satisfies Record<SignInFailureKind, string>,
  offlineTitle: 'No signal: saved copies only',
  offlineLead: (name: string) => `${name} signed in on this tablet earlier in the shift. Without signal you can open the crisis plans saved on this device.`,
  offlineButton: (name: string) => `Continue as ${name} with saved copies`,
  signedOutHere: 'You are signed out and nothing about patients is left on this tablet. NHS Care Identity could not be told (no signal), so the next sign-in will ask for your details again.',
  offlineNoSession: 'Sign in needs signal. Nobody has signed in on this tablet in this shift, so there are no saved copies to open.',

  noRoleTitle: 'Your role cannot use this app',
  noRoleLead: (roleName: string, organisation: string) => `You signed in with the role ${roleName} at ${organisation}. That role does not give access to crisis plans here.`,
  noRoleTrainerLead: 'Your role is for training. Trainers use the app in demo mode, with synthetic patients.',
  noRoleAdvice: 'If you have another role that should, change role. Otherwise ask your clinical lead or your organisation’s registration authority.',
  changeRole: 'Change role',
  signOut: 'Sign out',
  signingOut: 'Signing out…',

  signedInLabel: 'Signed in',
  signedInAs: 'Signed in as',
  offlineSessionTag: 'Offline session',
  offlineSessionDetail: 'saved copies only. Sign in when you have signal to look anyone up.',
  demoTrainer: 'Demo trainer (synthetic)',

  expiringTitle: 'Your sign-in ends soon',
  expiredTitle: 'Sign in again to go on',
  expiringLead: 'Sign in again now so a search is not interrupted. This screen stays as it is.',
  expiredLead: 'Your sign-in has ended. Sign in again: this screen stays as it is, and a search that was stopped runs again.',
  signInAgain: 'Sign in again',
  differentPerson: 'Someone else signed in. The patients saved by the last person have been removed from this tablet.',
  signOutConfirm: 'Sign out and remove saved plans?',
  signOutConfirmLead: 'Signing out removes every crisis plan and queued search saved on this tablet. Records of who looked at what are kept until the audit service has them.',
  signOutYes: 'Yes, sign out',
  signOutFailed: 'Saved plans could not be removed from this tablet, so you are still signed in. Try Sign out again; if it fails again, use Clear this device on the lookup screen.',
  cancel: 'Cancel',
} as const;
