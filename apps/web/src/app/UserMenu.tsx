// The header's user menu: create or join organizations, invite, preferences, privacy, log out.
// Loaded lazily by Shell.tsx (default export for React.lazy).
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApolloClient } from '@apollo/client/react';
import { Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { Button } from '../ui/Button';
import { sessionStore } from './session';
import { useCurrentOrganization } from './current-organization';

export default function UserMenu({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const { t } = useTranslation();
  const { me, current } = useCurrentOrganization();
  // Inviting and joining an umbrella are for the organization's owners and administrators.
  const admin = current !== undefined && current.role !== 'MEMBER';
  const manages = current?.role === 'OWNER' || current?.role === 'ADMIN';
  const navigate = useNavigate();
  const client = useApolloClient();
  const logOut = async () => {
    sessionStore.signOut();
    await client.clearStore();
    await navigate('/log-in');
  };
  return (
    <MenuTrigger defaultOpen={defaultOpen}>
      <Button variant="secondary" aria-label={t('shell.userMenu', { name: me?.name ?? '' })}>
        {me?.name ?? '…'} ▾
      </Button>
      <Popover placement="bottom end">
        <Menu
          className="menu"
          onAction={(key) => (key === 'log-out' ? void logOut() : void navigate(String(key)))}
        >
          <MenuItem id="/account">{t('shell.account')}</MenuItem>
          <MenuItem id="/organizations/new">{t('shell.createOrganization')}</MenuItem>
          {current && <MenuItem id="/organizations/members">{t('shell.members')}</MenuItem>}
          {admin && <MenuItem id="/organizations/invite">{t('shell.invite')}</MenuItem>}
          {manages && <MenuItem id="/organizations/api-keys">{t('shell.apiKeys')}</MenuItem>}
          {manages && <MenuItem id="/organizations/audit-log">{t('shell.auditLog')}</MenuItem>}
          {admin && current.organization.kind !== 'UMBRELLA' && (
            <MenuItem id="/organizations/join-umbrella">{t('shell.joinUmbrella')}</MenuItem>
          )}
          <MenuItem id="/inbox/preferences">{t('shell.preferences')}</MenuItem>
          <MenuItem id="/privacy">{t('shell.privacy')}</MenuItem>
          <MenuItem id="log-out">{t('shell.logOut')}</MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
