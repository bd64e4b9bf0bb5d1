/** A control API error, with the message the server gave. */
export class ControlFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ControlFailure";
  }
}

/**
 * The server the panel drives: its own origin by default, or another session's base URL (the
 * control guard lets pages of one server's sessions call each other).
 */
let target = "";

/** Switches every later call to another session (its baseUrl); "" is the page's own origin. */
export function setTarget(baseUrl: string): void {
  target = baseUrl.replace(/\/$/, "");
}

/** The base URL calls go to; "" for the page's own origin. */
export function currentTarget(): string {
  return target;
}

/** Calls the control API (`path` below /__mock) and returns its JSON; a ControlFailure with the server's message otherwise. */
export async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.headers = { "content-type": "application/json" };
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(`${target}/__mock${path}`, init);
  } catch (cause) {
    throw new ControlFailure(0, `The server did not answer (${cause instanceof Error ? cause.message : String(cause)})`);
  }
  const text = await response.text();
  const json: unknown = text === "" ? undefined : safeParse(text);
  if (!response.ok) {
    const message = (json as { error?: { message?: string } } | undefined)?.error?.message ?? `${response.status} ${text.slice(0, 200)}`;
    throw new ControlFailure(response.status, message);
  }
  return json as T;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The message of whatever a call threw. */
export function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
