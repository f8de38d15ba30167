import { router } from '../../trpc/procedures.js';
import { login } from './login.js';
import { logout, logoutEverywhere } from './logout.js';
import { me } from './me.js';
import { register } from './register.js';
import { revokeSession, sessions } from './sessions.js';

export const authRouter = router({ register, login, logout, logoutEverywhere, me, sessions, revokeSession });
