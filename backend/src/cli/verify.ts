/**
 * Checks a downloaded provenance record offline, with Node's crypto alone, and names the stage
 * each given image file is (by SHA-256 of its bytes).
 *
 *   npm run verify -- record.json [keys.json] [image files…]
 *
 * keys.json (the instance's GET /api/provenance/keys, saved) makes the check "signed by one of
 * these keys"; without it the record is checked against the public key it carries.
 * Exit status: 0 when the record verifies (and every file is one of its stages), 1 otherwise.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { verifyProvenance, type PublicJwk } from '../common/provenance-signature';

interface RecordStage {
  id: string;
  position: number;
  kind: string;
  sha256: string;
  uploadedAt: string;
  capturedAt: string | null;
  software: string | null;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function main(args: string[]): number {
  const cwd = process.env.INIT_CWD || process.cwd();
  const [recordPath, ...rest] = args.map((a) => resolve(cwd, a));
  if (!recordPath) {
    console.error('usage: npm run verify -- record.json [keys.json] [image files…]');
    return 2;
  }
  const record = readJson(recordPath) as Record<string, unknown>;
  let trusted: PublicJwk[] | undefined;
  const files: string[] = [];
  for (const path of rest) {
    if (path.endsWith('.json')) {
      const set = readJson(path) as { keys?: PublicJwk[] };
      if (!Array.isArray(set.keys)) throw new Error(`${path} is not a JWK set ({ "keys": [...] })`);
      trusted = [...(trusted ?? []), ...set.keys];
    } else files.push(path);
  }
  const verdict = verifyProvenance(record, trusted);
  const stages = (record.stages ?? []) as RecordStage[];
  if (!verdict.ok) {
    console.log(`NOT VALID: ${verdict.reason}`);
    return 1;
  }
  console.log(
    `valid: artwork ${String(record.albumId)}, ${stages.length} stages, signed by key ${verdict.keyId}` +
      (trusted
        ? ' (one of the given keys)'
        : " (the record's own key; pass the instance's keys.json to pin it)") +
      ` at ${String(record.signedAt)}`,
  );
  let allKnown = true;
  for (const file of files) {
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
    const stage = stages.find((s) => s.sha256 === sha);
    if (!stage) {
      allKnown = false;
      console.log(`${basename(file)}: not a stage of this record (sha256 ${sha})`);
      continue;
    }
    const extra = [
      stage.capturedAt && `captured ${stage.capturedAt}`,
      stage.software && `made with ${stage.software}`,
    ]
      .filter(Boolean)
      .join(', ');
    console.log(
      `${basename(file)}: stage ${stage.position + 1} of ${stages.length} (${stage.kind}, id ${stage.id}), ` +
        `uploaded ${stage.uploadedAt}${extra ? `; self-reported: ${extra}` : ''}`,
    );
  }
  return allKnown ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
