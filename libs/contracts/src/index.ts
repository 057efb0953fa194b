export * from './limits';
export * from './users';
export * from './artworks';
export * from './chat';
export * from './http';
export * from './events';
export * from './errors';
export * from './conversation';
