// The people in the organization you work as. Owners and admins change a member's role and
// remove members (only an owner touches an owner; the last owner is never demoted or removed:
// the server says so with IDENTITY.LAST_OWNER, shown as it is). Anyone may leave; leaving ends
// the session's access to it, so the app asks you to log in again.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../graphql/generated';
import { Role, type OrganizationMembersQuery } from '../../graphql/generated/graphql';
import { Button, FormError, Page, useConfirm } from '../../ui';
import { errorText } from '../../graphql/errors';
import { sessionStore } from '../../app/session';
import { useCurrentOrganization } from '../../app/current-organization';

const ROLES = [Role.Member, Role.Admin, Role.Owner] as const;

const MEMBERS = graphql(`
  query OrganizationMembers($id: ID!) {
    organization(id: $id) {
      id
      members {
        role
        joinedAt
        user {
          id
          name
          email
        }
      }
    }
  }
`);
const CHANGE_ROLE = graphql(`
  mutation ChangeMemberRole($organizationId: ID!, $userId: ID!, $role: Role!) {
    changeMemberRole(organizationId: $organizationId, userId: $userId, role: $role) {
      role
    }
  }
`);
const REMOVE = graphql(`
  mutation RemoveMember($organizationId: ID!, $userId: ID!) {
    removeMember(organizationId: $organizationId, userId: $userId)
  }
`);
const LEAVE = graphql(`
  mutation LeaveOrganization($organizationId: ID!) {
    leaveOrganization(organizationId: $organizationId)
  }
`);

type Member = NonNullable<OrganizationMembersQuery['organization']>['members'][number];

export function Component() {
  const { t } = useTranslation('org');
  const { me, current } = useCurrentOrganization();
  const navigate = useNavigate();
  const client = useApolloClient();
  const { confirm, dialog } = useConfirm();
  const organizationId = current?.organization.id ?? '';
  const { data, loading } = useQuery(MEMBERS, { variables: { id: organizationId }, skip: !current });
  const refetch = { refetchQueries: ['OrganizationMembers'], awaitRefetchQueries: true };
  const [changeRole] = useMutation(CHANGE_ROLE, refetch);
  const [remove] = useMutation(REMOVE, refetch);
  const [leave] = useMutation(LEAVE);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (!current) return <Page title={t('members.title')}>{t('home.noOrganization')}</Page>;
  const organization = current.organization.name;
  const myRole = current.role;
  const manages = myRole === Role.Owner || myRole === Role.Admin;
  const members = data?.organization?.members ?? [];

  const run = async (action: () => Promise<unknown>, success: string) => {
    setProblem(null);
    setDone(null);
    try {
      await action();
      setDone(success);
    } catch (error) {
      setProblem(errorText(t, error));
    }
  };
  const onChangeRole = (member: Member, role: Role) =>
    run(
      () => changeRole({ variables: { organizationId, userId: member.user!.id, role } }),
      t('members.roleChanged', { name: member.user!.name, role: t(`roles.${role}`) }),
    );
  const onRemove = async (member: Member) => {
    const name = member.user!.name;
    const yes = await confirm({
      title: t('members.removeConfirm.title', { name }),
      body: <p>{t('members.removeConfirm.body', { name, organization })}</p>,
      confirmLabel: t('members.removeConfirm.action', { name }),
    });
    if (yes)
      await run(
        () => remove({ variables: { organizationId, userId: member.user!.id } }),
        t('members.removed', { name }),
      );
  };
  const onLeave = async () => {
    const yes = await confirm({
      title: t('members.leaveConfirm.title', { organization }),
      body: <p>{t('members.leaveConfirm.body', { organization })}</p>,
      confirmLabel: t('members.leaveConfirm.action', { organization }),
    });
    if (!yes) return;
    setProblem(null);
    try {
      await leave({ variables: { organizationId } });
    } catch (error) {
      setProblem(errorText(t, error));
      return;
    }
    // Leaving ends this session's access tokens: log in again for a token without it.
    sessionStore.signOut();
    await client.clearStore();
    await navigate('/log-in');
  };

  return (
    <Page title={t('members.title')}>
      {dialog}
      <p>{t(manages ? 'members.introManager' : 'members.intro', { organization })}</p>
      <div aria-live="polite">
        {done && (
          <p role="status" className="notice notice-success">
            {done}
          </p>
        )}
      </div>
      <FormError>{problem ?? undefined}</FormError>
      {loading && !data ? (
        <p>{t('common:loading')}</p>
      ) : (
        <table className="table" data-testid="members">
          <caption className="visually-hidden">{t('members.caption', { organization })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('members.name')}</th>
              <th scope="col">{t('members.email')}</th>
              <th scope="col">{t('members.role')}</th>
              {manages && <th scope="col">{t('members.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {members
              .filter((m) => m.user)
              .map((m) => (
                <MemberRow
                  key={m.user!.id}
                  member={m}
                  isMe={m.user!.id === me?.id}
                  manages={manages}
                  // Only an owner grants OWNER or changes an owner's role; the server says so too.
                  roles={myRole === Role.Owner ? ROLES : ROLES.filter((r) => r !== Role.Owner)}
                  canTouch={myRole === Role.Owner || m.role !== Role.Owner}
                  onChangeRole={(role) => void onChangeRole(m, role)}
                  onRemove={() => void onRemove(m)}
                />
              ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="leave-title">
        <h2 id="leave-title">{t('members.leaveTitle')}</h2>
        <p>{t('members.leaveIntro', { organization })}</p>
        <Button variant="secondary" onPress={() => void onLeave()}>
          {t('members.leave', { organization })}
        </Button>
      </section>
    </Page>
  );
}

function MemberRow({
  member,
  isMe,
  manages,
  roles,
  canTouch,
  onChangeRole,
  onRemove,
}: {
  member: Member;
  isMe: boolean;
  manages: boolean;
  roles: readonly Role[];
  canTouch: boolean;
  onChangeRole: (role: Role) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('org');
  const [role, setRole] = useState<Role>(member.role);
  const user = member.user!;
  const selectId = `role-${user.id}`;
  return (
    <tr>
      <th scope="row">
        {user.name}
        {isMe && <span className="meta"> {t('members.you')}</span>}
      </th>
      <td>{user.email}</td>
      <td>
        {manages && canTouch ? (
          <>
            <label htmlFor={selectId} className="visually-hidden">
              {t('members.roleOf', { name: user.name })}
            </label>
            <select id={selectId} value={role} onChange={(event) => setRole(event.target.value as Role)}>
              {(roles.includes(member.role) ? roles : [member.role, ...roles]).map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </>
        ) : (
          t(`roles.${member.role}`)
        )}
      </td>
      {manages && (
        <td>
          {canTouch && (
            <div className="toolbar">
              <Button
                variant="secondary"
                isDisabled={role === member.role}
                onPress={() => onChangeRole(role)}
                aria-label={t('members.saveRoleOf', { name: user.name })}
              >
                {t('members.saveRole')}
              </Button>
              {!isMe && (
                <Button
                  variant="secondary"
                  onPress={onRemove}
                  aria-label={t('members.removeName', { name: user.name })}
                >
                  {t('members.remove')}
                </Button>
              )}
            </div>
          )}
        </td>
      )}
    </tr>
  );
}
