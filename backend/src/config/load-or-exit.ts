import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AppConfig } from './app-config';
import { ConfigError, loadAppConfig } from './app-config';

/**
 * Reads .env (when present) and the environment; a bad value ends the process with one line
 * naming the variable, not a stack trace.
 */
export function loadConfigOrExit(): AppConfig {
  const envFile = resolve(process.env.INIT_CWD || process.cwd(), '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  try {
    return loadAppConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}
