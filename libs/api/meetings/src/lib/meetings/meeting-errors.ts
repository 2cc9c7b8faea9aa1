import { AppError } from '@casustafel/api/platform';

/**
 * A participant who can see the meeting (so knows it exists) tried something that is not theirs
 * here: a chair action (`meeting.chair_only`), a guest outside its own item (`meeting.not_your_item`),
 * the room before acknowledging the confidentiality statement (`meeting.confidentiality_not_accepted`).
 * A non-participant gets 404 instead (NotFoundError).
 */
export class MeetingForbiddenError extends AppError {
  readonly status = 403;
  readonly title = 'Not allowed in this meeting';
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

/** The chair refused a non-chair: the service audits the refusal in a transaction of its own. */
export class ChairOnlyRefusal extends Error {
  constructor(
    readonly meetingId: string,
    readonly attempted: string,
    readonly processingActivityId: string,
  ) {
    super('chair only');
  }
}
