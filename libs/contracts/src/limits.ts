/**
 * Limits the api enforces and the web app shows in its forms.
 * One source of truth: change a number here and both sides follow.
 */
export const LIMITS = {
  username: { min: 3, max: 30, pattern: /^[a-z0-9_]+$/ },
  password: { min: 8, max: 128 },
  displayName: { max: 60 },
  bio: { max: 500 },
  albumTitle: { min: 1, max: 120 },
  albumDescription: { max: 5000 },
  stageTitle: { max: 120 },
  stageNote: { max: 5000 },
  pinBody: { min: 1, max: 1000 },
  imageBytes: 50 * 1024 * 1024,
  imagePixels: 100_000_000,
  filesPerUpload: 20,
  chatMessage: { min: 1, max: 2000 },
  reportDetails: { max: 1000 },
  comment: { min: 1, max: 2000 },
  /** Minutes a comment stays editable by its author. */
  commentEditMinutes: 15,
  moderationReason: { max: 500 },
  chatAttachmentBytes: 25 * 1024 * 1024,
  avatarBytes: 10 * 1024 * 1024,
  avatarSize: 256,
  jsonBodyBytes: 100 * 1024,
  searchQuery: { min: 1, max: 100 },
  page: { defaultLimit: 24, maxLimit: 100 },
} as const;

/** Cookie and header names of the CSRF double-submit scheme (Angular's HttpClient defaults). */
export const CSRF = {
  cookie: 'XSRF-TOKEN',
  header: 'X-XSRF-TOKEN',
} as const;

/** Name of the session cookie. */
export const SESSION_COOKIE = 'gallery.sid';
