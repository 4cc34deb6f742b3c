import type { SignedInPerson } from '../../domain/signed-in-person';
import { jobRoleName } from '../../domain/signed-in-person';
import { sessionWords } from './session-words';
import { signInWords } from './sign-in-words';

/** A person whose selected role grants nothing here (issue 10 point 2): say so, offer another role or Sign out. */
export function NoRolePage({ person, onChangeRole, onSignOut }: { person: SignedInPerson; onChangeRole: () => void; onSignOut: () => void }) {
  const organisation = person.organisationName ? `${person.organisationName} (${person.role.orgCode})` : person.role.orgCode;
  const trainerOnly = person.appRoles.includes('trainer');
  return (
    <div className="crl-session-page">
      <h1 className="nhsuk-heading-l">{signInWords.noRoleTitle}</h1>
      <p className="nhsuk-body-l">{signInWords.noRoleLead(jobRoleName(person.role.roleName), organisation)}</p>
      {trainerOnly && <p className="nhsuk-body">{signInWords.noRoleTrainerLead}</p>}
      <p className="nhsuk-body">{signInWords.noRoleAdvice}</p>
      <div className="nhsuk-button-group">
        <button type="button" className="nhsuk-button crl-big-button" onClick={onChangeRole}>
          {sessionWords.changeRole}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary crl-big-button" onClick={onSignOut}>
          {sessionWords.signOut}
        </button>
      </div>
    </div>
  );
}
