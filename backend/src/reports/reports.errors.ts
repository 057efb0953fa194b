import { AppError } from '../common/app-error';

export class ReportError extends AppError {}

/** The errors the report routes answer with (besides validation's 400 and the guard's 401). */
export const ReportErrors = {
  /** Absent, or hidden from the reporter: reporting must not reveal what exists. */
  targetNotFound: () => new ReportError('NOT_FOUND', 404, 'nothing to report there'),
  notFound: () => new ReportError('REPORT_NOT_FOUND', 404, 'no such report'),
};
