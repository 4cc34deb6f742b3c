import type { IncomingMessage } from 'node:http';
import type { ParameterizedContext } from 'koa';
import type Provider from 'oidc-provider';
import type { ErrorOut, KoaContextWithOIDC } from 'oidc-provider';
import { SYNTHETIC_PEOPLE, findPerson, organisationName, shortRoleName, type SyntheticPerson } from './people';

/**
 * CIS2's own pages, imitated for the local provider: "Sign in as" (standing in for the smartcard
 * and passcode) and "Choose your role". Plain accessible HTML with labels, no script, so
 * Playwright drives them by role and label (e2e/support/sign-in.ts). oidc-provider owns the
 * protocol: these pages only finish its login interaction.
 */

/** CIS2's assurance level for a smartcard (or equivalent) sign-in. */
export const ACR = 'AAL3_ANY';

const STYLE = `body{font-family:Arial,sans-serif;margin:0;background:#f0f4f5;color:#212b32}
main{max-width:40rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem}
.notice{background:#ffeb3b;padding:.5rem 1rem;margin:0 0 1rem}
fieldset{border:0;padding:0;margin:0 0 1.5rem}legend{font-size:1.5rem;font-weight:bold;margin-bottom:1rem}
.choice{margin:0 0 .75rem}.choice input{width:1.5rem;height:1.5rem;vertical-align:middle}
.choice label{font-size:1.1rem;margin-left:.5rem}.hint{display:block;color:#4c6272;margin-left:2rem}
button{background:#007f3b;color:#fff;border:0;padding:.75rem 1.25rem;font-size:1.1rem;cursor:pointer}
.error{border-left:4px solid #d5281b;padding-left:1rem;color:#d5281b}`;

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} - Synthetic NHS CIS2</title><style>${STYLE}</style></head>
<body><main>
<p class="notice">Synthetic NHS Care Identity Service for development and tests. Nobody here is real.</p>
${body}
</main></body></html>`;
}

function signInPage(uid: string, current: string | undefined, error?: string): string {
  const choices = SYNTHETIC_PEOPLE.map((person, index) => {
    const id = `person-${index}`;
    const roles = person.nhsid_nrbac_roles.map((role) => `${shortRoleName(role)} (${role.org_code})`).join(', ');
    return `<div class="choice"><input type="radio" id="${id}" name="person" value="${escape(person.sub)}" aria-describedby="${id}-hint" required${person.sub === current ? ' checked' : ''}>
<label for="${id}">${escape(person.name)}</label><span class="hint" id="${id}-hint">${escape(roles)}</span></div>`;
  }).join('\n');
  return page(
    'Sign in',
    `<h1>Sign in with your NHS Care Identity</h1>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<fieldset><legend>Sign in as</legend>
${choices}
</fieldset>
<button type="submit">Continue</button>
</form>`,
  );
}

function rolePage(uid: string, person: SyntheticPerson, error?: string): string {
  const choices = person.nhsid_nrbac_roles.map((role, index) => {
    const id = `role-${index}`;
    const label = `${shortRoleName(role)}, ${organisationName(person, role.org_code)} (${role.org_code})`;
    return `<div class="choice"><input type="radio" id="${id}" name="role" value="${escape(role.person_roleid)}" aria-describedby="${id}-hint" required>
<label for="${id}">${escape(label)}</label><span class="hint" id="${id}-hint">${escape(role.role_code)}</span></div>`;
  }).join('\n');
  return page(
    'Choose your role',
    `<h1>${escape(person.name)}</h1>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/role">
<input type="hidden" name="person" value="${escape(person.sub)}">
<fieldset><legend>Choose your role</legend>
${choices}
</fieldset>
<button type="submit">Continue</button>
</form>`,
  );
}

async function formBody(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

type Context = ParameterizedContext;
type Middleware = (ctx: Context, next: () => Promise<unknown>) => Promise<unknown>;

/** Koa middleware for `/interaction/:uid`, in front of oidc-provider's own routes. */
export function interactionRoutes(provider: Provider): Middleware {
  const html = (ctx: Context, body: string, status = 200) => {
    ctx.status = status;
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = body;
  };

  /** CIS2 picks a single role itself and asks only when there are several. */
  const finish = async (ctx: Context, person: SyntheticPerson, selectedRoleId: string | undefined) => {
    await provider.interactionFinished(
      ctx.req,
      ctx.res,
      { login: { accountId: person.sub, acr: ACR, amr: ['sc'] }, ...(selectedRoleId === undefined ? {} : { selectedRoleId }) },
      { mergeWithLastSubmission: false },
    );
    ctx.respond = false;
  };

  return async (ctx, next) => {
    const match = /^\/interaction\/([\w-]+)(?:\/(login|role))?$/.exec(ctx.path);
    if (match === null) return next();
    const [, uid, step] = match as unknown as [string, string, 'login' | 'role' | undefined];
    let details;
    try {
      details = await provider.interactionDetails(ctx.req, ctx.res);
    } catch {
      return html(ctx, page('Sign-in expired', '<h1>This sign-in has expired</h1><p>Go back to the app and sign in again.</p>'), 400);
    }
    if (details.uid !== uid) return html(ctx, page('Sign-in expired', '<h1>This sign-in has expired</h1>'), 400);
    const asksForRole = String(details.params.scope ?? '').split(' ').includes('selectedrole');

    if (ctx.method === 'GET' && step === undefined) return html(ctx, signInPage(uid, details.session?.accountId));
    if (ctx.method !== 'POST' || step === undefined) return html(ctx, page('Not found', '<h1>Page not found</h1>'), 404);

    const form = await formBody(ctx.req);
    const person = findPerson(form.get('person') ?? '');
    if (person === undefined) return html(ctx, signInPage(uid, undefined, 'Choose who to sign in as'), 400);
    const roles = person.nhsid_nrbac_roles;

    if (step === 'login') {
      if (!asksForRole) return finish(ctx, person, undefined);
      if (roles.length === 1) return finish(ctx, person, roles[0]!.person_roleid);
      return html(ctx, rolePage(uid, person));
    }
    const role = roles.find((candidate) => candidate.person_roleid === form.get('role'));
    if (role === undefined) return html(ctx, rolePage(uid, person, 'Choose a role'), 400);
    return finish(ctx, person, role.person_roleid);
  };
}

/**
 * oidc-provider asks before it ends a session. A crew pressing Sign out in the app has already
 * said so: the form (xsrf included) submits itself, with a button if scripts are off.
 */
export async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  const ownForm = form.replace('</form>', '<input type="hidden" name="logout" value="yes"/><button type="submit">Sign out</button></form>');
  ctx.type = 'html';
  ctx.body = page('Signing out', `<h1>Signing out</h1>\n${ownForm}\n<script>document.getElementById('op.logoutForm').submit();</script>`);
}

export async function postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
  ctx.type = 'html';
  ctx.body = page('Signed out', '<h1>You have signed out</h1>');
}

export async function renderError(ctx: KoaContextWithOIDC, out: ErrorOut): Promise<void> {
  ctx.type = 'html';
  ctx.body = page(
    'Sign-in error',
    `<h1>Sign-in error</h1><p role="alert">${escape(String(out.error))}: ${escape(String(out.error_description ?? ''))}</p>`,
  );
}
