/** An error of the control API: a status (400, 404 …) and a message for the caller. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ControlError";
  }
}

/** The JSON body of every control API error. */
export function controlErrorBody(status: number, message: string): { error: { status: number; message: string } } {
  return { error: { status, message } };
}
