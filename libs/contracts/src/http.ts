/** Every error the api answers with, whatever the route. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string | string[];
}

/** A page of a list: pass nextCursor back as ?cursor= for the next one. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type HealthStatus = 'up' | 'down';
