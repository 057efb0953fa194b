import { Injectable } from '@nestjs/common';
import { LIMITS } from '@gallery/contracts';

/** How long an author may edit a comment; a provider, so tests can shorten the window. */
@Injectable()
export class CommentRules {
  editWindowMs = LIMITS.commentEditMinutes * 60_000;
}
