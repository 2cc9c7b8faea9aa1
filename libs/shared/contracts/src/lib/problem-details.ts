/** One invalid field in a request, named by its JSON path (e.g. `persons[0].dateOfBirth`). */
export interface FieldProblem {
  field: string;
  message: string;
  /** Machine-readable reason, e.g. `isEmail`, `whitelistValidation`, `required`. */
  code: string;
}

/**
 * RFC 9457 problem details, as every API error is returned (`application/problem+json`).
 * `correlationId` ties the response to the server log line; it never contains personal data.
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  correlationId: string;
  errors?: FieldProblem[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
