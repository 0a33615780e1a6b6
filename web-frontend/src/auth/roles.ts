/** Keycloak realm roles (ARCHITECTURE.md, security model) and what each may do in this app. */
export type Role = 'admin' | 'manager' | 'clerk' | 'analyst';

export type Permission =
  | 'dashboard'
  | 'trends'
  | 'enterSales'
  | 'readOrders'
  | 'startReturn'
  | 'readInventory'
  | 'editThresholds'
  | 'adjustStock'
  | 'readAlerts'
  | 'acknowledgeAlerts'
  | 'readRecommendations'
  | 'applyPrice';

/** Mirrors the gateway's route table (api-gateway/README.md): the UI offers only what the API will accept. */
const MATRIX: Record<Permission, Role[]> = {
  dashboard: ['admin', 'manager', 'analyst', 'clerk'],
  trends: ['admin', 'manager', 'analyst'],
  enterSales: ['admin', 'manager', 'clerk'],
  readOrders: ['admin', 'manager', 'clerk', 'analyst'],
  startReturn: ['admin', 'manager', 'clerk'],
  readInventory: ['admin', 'manager', 'clerk', 'analyst'],
  editThresholds: ['admin', 'manager'],
  adjustStock: ['admin', 'manager'],
  readAlerts: ['admin', 'manager', 'clerk', 'analyst'],
  acknowledgeAlerts: ['admin', 'manager'],
  readRecommendations: ['admin', 'manager', 'analyst'],
  applyPrice: ['admin', 'manager'],
};

export function can(roles: readonly string[], permission: Permission): boolean {
  return MATRIX[permission].some((r) => roles.includes(r));
}

/** The roles of this app a token carries, most powerful first (for display). */
export function appRoles(roles: readonly string[]): Role[] {
  return (['admin', 'manager', 'clerk', 'analyst'] as Role[]).filter((r) => roles.includes(r));
}
