/**
 * One journal entry as GET /__mock/journal gives it. Servers before request verification journal
 * neither request, reply nor latency, so those (like vendor, action, tenant) may be absent.
 */
export interface JournalEntry {
  seq: number;
  at: number;
  method: string;
  path: string;
  vendor?: string;
  action?: string;
  tenant?: string;
  status: number;
  errorCode?: string;
  faultId?: string;
  latencyMs?: number;
  request?: {
    query?: Record<string, string | string[]>;
    headers?: Record<string, string>;
    body?: unknown;
    bodyText?: string;
    truncated?: true;
  };
  reply?: { body?: unknown; bodyText?: string; truncated?: true };
}

/** The journal's filters; an empty one matches everything. */
export interface JournalFilters {
  vendor: string;
  action: string;
  tenant: string;
  status: string;
  errorCode: string;
}

/** Does an entry pass the filters? The panel applies them itself too, for servers whose journal has fewer filters. */
export function matchesFilters(entry: JournalEntry, filters: JournalFilters): boolean {
  return (
    (filters.vendor === "" || entry.vendor === filters.vendor) &&
    (filters.action === "" || entry.action === filters.action) &&
    (filters.tenant === "" || entry.tenant === filters.tenant) &&
    (filters.status === "" || String(entry.status) === filters.status) &&
    (filters.errorCode === "" || entry.errorCode === filters.errorCode)
  );
}
