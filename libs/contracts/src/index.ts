export * from './limits';
export * from './users';
export * from './albums';
export * from './chat';
export * from './http';
export * from './events';
