// Preloaded (node -r) into a child api in crash tests: every storage delete hangs forever, so
// the process is certainly killed before any deletion it was asked for has happened.
const { join } = require('node:path');
const dist = join(__dirname, '../../dist/storage');
for (const [file, name] of [
  ['local-disk.storage.js', 'LocalDiskStorage'],
  ['s3.storage.js', 'S3Storage'],
]) {
  require(join(dist, file))[name].prototype.delete = () => new Promise(() => {});
}
