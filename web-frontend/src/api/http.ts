/** RFC 7807 problem details, as every Sales Pulse API answers errors. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: Array<{ field: string; message: string }>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(ApiError.describe(status, problem));
  }

  /** A sentence for a person: the problem's detail and its field errors, or a plain reading of the status. */
  static describe(status: number, problem: Problem | null): string {
    const fields = problem?.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
    const base = problem?.detail || problem?.title || STATUS_TEXT[status] || `Request failed (${status})`;
    return fields ? `${base} — ${fields}` : base;
  }
}

const STATUS_TEXT: Record<number, string> = {
  0: 'The server could not be reached',
  401: 'Your session has expired',
  403: 'Your role does not allow this',
  404: 'Not found',
  409: 'Still being processed, try again in a moment',
  502: 'The service is not reachable right now',
  503: 'The service is unavailable right now',
  504: 'The service took too long to answer',
};

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== null && v !== undefined && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** fetch with the bearer token (refreshed first), JSON in and out, problems as ApiError. */
export class HttpClient {
  constructor(
    private readonly token: () => Promise<string>,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      Authorization: `Bearer ${await this.token()}`,
      ...options.headers,
    };
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    let res: Response;
    try {
      res = await this.fetchImpl(withQuery(path, options.query), { method, headers, body, signal: options.signal });
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      throw new ApiError(0, null);
    }
    const text = await res.text();
    let json: unknown = null;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
    }
    if (!res.ok) throw new ApiError(res.status, (json as Problem) ?? null);
    return json as T;
  }

  get<T>(path: string, query?: Query, signal?: AbortSignal) {
    return this.request<T>('GET', path, { query, signal });
  }
}
