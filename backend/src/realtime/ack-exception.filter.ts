import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Ack } from '@gallery/contracts';
import { toApiError } from '../common/api-exception.filter';

/**
 * Turns anything a message handler throws (validation included) into the event's
 * acknowledgement `{ ok: false, error, code }`, with the same messages and codes REST gives, instead of Nest's
 * default `exception` event, which is not part of the contract. Without an ack there is nobody
 * to tell, and nothing else happens: a bad client event never takes the connection down.
 */
@Catch()
export class AckExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Realtime');

  catch(exception: unknown, host: ArgumentsHost): void {
    const { statusCode, message, code } = toApiError(exception);
    if (statusCode >= 500) {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    }
    // Nest calls handlers with (socket, payload, ack?): the ack is the third argument.
    const ack: unknown = host.getArgByIndex(2);
    if (typeof ack !== 'function') return;
    const error = Array.isArray(message) ? [...new Set(message)].join('; ') : message;
    (ack as (result: Ack) => void)({ ok: false, error, code });
  }
}
