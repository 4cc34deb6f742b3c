import type { SignInFailureKind } from '../../services/sign-in-service';

/** Words of sign-in, the refusal page and the signed-in line (issue 10), in one place for clinical review (the shift PIN's: pin-words.ts). */
export const sessionWords = {
  signInButton: 'Sign in with NHS Care Identity',
  signingIn: 'Opening NHS Care Identity…',
  completingSignIn: 'Signing you in…',
  signInFailed: {
    'provider-unreachable': 'NHS Care Identity could not be reached. Check for signal, then sign in.',
    refused: 'Sign-in was cancelled or refused. Sign in again; if it keeps happening, tell your service desk.',
    'callback-invalid': 'This sign-in could not be checked, so it was not used. Sign in again.',
    'claims-invalid': 'NHS Care Identity did not give a role for you, or did not say which one you chose. Sign out, then sign in and choose your role. If you have no role, ask your registration authority.',
    'popup-closed': 'The sign-in window was closed before you finished. Sign in again.',
  } satisfies Record<SignInFailureKind, string>,
  changeRole: 'Change role',
  signOut: 'Sign out',
  signingOut: 'Signing out…',

  personWhoSaved: 'The person who saved these plans',
  signedInLabel: 'Signed in',
  signedInAs: 'Signed in as',
  offlineSessionTag: 'Offline session:',
  offlineSessionDetail: 'Saved copies only.',
  signInShort: 'Sign in',
  demoTrainer: 'Demo trainer (synthetic)',

  expiringTitle: 'Your sign-in ends soon',
  expiredTitle: 'Your sign-in has ended',
  expiringLead: 'Sign in again now so a search is not interrupted. This screen stays as it is.',
  expiredLead: 'Sign in again. You will stay on this screen and a search that was stopped will run again.',
  signInAgain: 'Sign in again',
  differentPerson: 'Someone else signed in. The patients saved by the last person have been removed from this tablet.',
  signOutConfirm: 'Sign out and remove saved plans?',
  signOutConfirmLead: 'Signing out removes every crisis plan and queued search saved on this tablet. Records of who looked at what are kept until the audit service has them. You will also be signed out of NHS Care Identity.',
  signOutYes: 'Yes, sign out',
  signOutFailed: 'Saved plans could not be removed from this tablet, so you are still signed in. Try Sign out again; if it fails again, use Clear this device on the lookup screen.',
  cancel: 'Cancel',

} as const;
