/**
 * The answer to a search (the banner, the records, the plan, the saved copy) in chunks of their
 * own: the first screen is the search box, and in live mode sign-in and the shift PIN before it,
 * so the code that draws an answer is not on it (the first-screen budget, issue 13). The lookup
 * page asks for them as soon as it is shown, so they are in memory before a number can be typed;
 * the service worker holds them for offline use.
 */
import { preloadable } from '../../ui/preloadable';

export const lookupResultView = preloadable(() => import('./lookup-result').then((module) => module.LookupResult));

export const savedLookupView = preloadable(() => import('./saved-lookup').then((module) => module.SavedLookup));
