// The travel desk's tool failures, as the services behind the tools report them: an unknown record (HTTP 404), an
// upstream system that did not answer (HTTP 504, worth retrying later), and a write that conflicts with one already
// made (HTTP 409: a second refund request or rebooking for the same thing). A tool-calling loop turns each into a
// tool error the model reads; `status` and `retryable` say what a caller may do about it.
import { SimulatorError } from '../simulator-error.ts';

export class TravelDeskNotFoundError extends SimulatorError {
  readonly status = 404;
  readonly retryable = false;

  constructor(message: string) {
    super(message);
    this.name = 'TravelDeskNotFoundError';
  }
}

export class TravelDeskUpstreamError extends SimulatorError {
  readonly status = 504;
  readonly retryable = true;

  constructor(message: string) {
    super(message);
    this.name = 'TravelDeskUpstreamError';
  }
}

export class TravelDeskConflictError extends SimulatorError {
  readonly status = 409;
  readonly retryable = false;

  constructor(message: string) {
    super(message);
    this.name = 'TravelDeskConflictError';
  }
}
