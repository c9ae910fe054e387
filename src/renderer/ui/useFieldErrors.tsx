import { useId, useState, type ReactNode } from 'react';
import { ApiError } from '../api.ts';

/** Per-field messages for a form: shown beside their inputs and tied to them for screen readers. */
export function useFieldErrors() {
  const id = useId();
  const [errors, setErrors] = useState<Record<string, string>>({});
  return {
    errors,
    setErrors,
    /** A refusal from main: its message for the form, and each field's beside that field. */
    refused(error: unknown) {
      setErrors(error instanceof ApiError ? { form: error.message, ...error.fields } : { form: String(error) });
    },
    error: (field: string): ReactNode =>
      errors[field] ? (
        <span className="field-error" id={`${id}-${field}-error`}>
          {errors[field]}
        </span>
      ) : null,
    described: (field: string) => (errors[field] ? `${id}-${field}-error` : undefined),
    /** The form's message, shown only when no field carries it already. */
    formError: (fields: string[]): ReactNode =>
      errors.form && !fields.some((field) => errors[field]) ? (
        <span className="field-error" role="alert">
          {errors.form}
        </span>
      ) : null,
  };
}
