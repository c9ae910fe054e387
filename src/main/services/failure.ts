import type { ApiErrorBody, ErrorCode } from '../../shared/contract.ts';

/** A refusal the user should read: it travels to the renderer as a typed error, never as a crash. */
export class Failure extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.code = code;
    this.fields = fields;
  }

  toBody(): ApiErrorBody {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message };
  }
}

/** A refusal of input, field by field; the message is the first field's. */
export function invalid(fields: Record<string, string>): Failure {
  return new Failure('invalid-input', Object.values(fields)[0] ?? 'This input is not valid.', fields);
}
