// The signed-in person's name, with profile and the two ways to sign out.
import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { initials } from '@marketdesk/ui';
import { Link } from 'react-router';
import type { Me } from '../../trpc';
import { useSignOut } from '../auth/use-session';

export function UserMenu({ me }: { me: Me }) {
  const { logout, logoutEverywhere } = useSignOut();
  return (
    <Menu position="bottom-end" withArrow shadow="md" width={220}>
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${me.displayName}`}>
          <Group gap="xs" wrap="nowrap">
            <Avatar name={me.displayName} color="initials" radius="xl" size="sm">
              {initials(me.displayName)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm">
              {me.displayName}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.email}</Menu.Label>
        <Menu.Item component={Link} to="/profile">
          Profile
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => logout.mutate()} disabled={logout.isPending}>
          Sign out
        </Menu.Item>
        <Menu.Item color="red" onClick={() => logoutEverywhere.mutate()} disabled={logoutEverywhere.isPending}>
          Sign out everywhere
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
