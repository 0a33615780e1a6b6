import { createContext, useContext } from 'react';
import type { Auth } from './auth';
import { can, type Permission } from './roles';
import type { Api } from '../api/endpoints';

export interface Session {
  auth: Auth;
  api: Api;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionContext');
  return session;
}

export function useApi(): Api {
  return useSession().api;
}

export function useCan(permission: Permission): boolean {
  return can(useSession().auth.roles, permission);
}
