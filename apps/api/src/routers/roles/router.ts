// Roles as data: admins read and edit roles (roles.manage) and assign them (users.manage_roles).
import { z } from 'zod';
import { authedProcedure, permissionProcedure, router } from '../../trpc/procedures.js';
import { assignRoles, createRole, listRoles, searchPeople, updateRole } from '../../services/rbac/role-admin.js';
import { assignRolesInput, createRoleInput, peopleSearchInput, updateRoleInput } from './roles.types.js';

const list = permissionProcedure('roles.manage').input(z.void()).query(({ ctx }) => listRoles(ctx.em, ctx.actor));

const create = permissionProcedure('roles.manage')
  .input(createRoleInput)
  .mutation(({ ctx, input }) => createRole(ctx.em, ctx.services.rbac, ctx.actor, input, new Date()));

const update = permissionProcedure('roles.manage')
  .input(updateRoleInput)
  .mutation(({ ctx, input }) => updateRole(ctx.em, ctx.services.rbac, ctx.actor, input, new Date(), ctx.services.liveGateway()));

const people = permissionProcedure('users.manage_roles')
  .input(peopleSearchInput)
  .query(({ ctx, input }) => searchPeople(ctx.em, ctx.actor, input.q, { permission: 'users.manage_roles' }));

const assign = permissionProcedure('users.manage_roles')
  .input(assignRolesInput)
  .mutation(({ ctx, input }) => assignRoles(ctx.em, ctx.services.rbac, ctx.actor, input, new Date(), ctx.services.liveGateway()));

/** The signed-in person's roles with what they grant now (the console's menus follow edits). */
const effective = authedProcedure.input(z.void()).query(({ ctx }) => {
  const table = ctx.actor.grants ?? {};
  return Object.fromEntries(ctx.actor.roles.filter((r) => Object.hasOwn(table, r)).map((r) => [r, table[r]!]));
});

export const rolesRouter = router({ list, create, update, people, assign, effective });
