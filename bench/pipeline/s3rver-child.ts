/**
 * `node --import tsx s3rver-child.ts <directory> <bucket>`: s3rver in its own process, so its
 * JavaScript thread does not compete with the benchmark's uploading client and its CPU can be
 * told apart from the api's (real S3 runs elsewhere). Prints `S3RVER_PORT=<port>` when
 * listening; closes on SIGTERM.
 */

// s3rver ships no type declarations; this is the slice of its API used here (as in backend tests).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  configureBuckets: { name: string }[];
}) => { run(): Promise<{ port: number }>; close(): Promise<void> };

async function main(): Promise<void> {
  const [directory, bucket] = process.argv.slice(2);
  if (!directory || !bucket) throw new Error('usage: s3rver-child.ts <directory> <bucket>');
  // An IP, not 'localhost': the SDK would try <bucket>.localhost.
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  console.log(`S3RVER_PORT=${port}`);
  process.once('SIGTERM', () => void server.close().finally(() => process.exit(0)));
}

// A module, not a global script: its `main` must not clash with other entry points' in type-checking.
export {};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
