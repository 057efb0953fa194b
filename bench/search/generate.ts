import { hotScore } from '../../backend/src/artworks/popularity';
import { normalize } from '../../backend/src/search-index/normalize';
import { type Rng, Zipf } from './rng';
import { uuidv4, uuidv7 } from './uuidv7';
import {
  ADJECTIVES,
  COLOURS,
  DESCRIPTION_WORDS,
  FIRST_NAMES,
  LAST_NAMES,
  PLACES,
  RARE_WORDS,
  STAGE_KINDS,
  STAGE_TITLES,
  SUBJECTS,
  TIMES,
} from './words';

/** Column lists exactly as the MySQL migrations create them (accounts, artworks, discovery). */
export const USER_COLUMNS = [
  'id', 'username', 'displayName', 'bio', 'passwordHash', 'role', 'avatarKey', 'authVersion',
  'createdAt', 'updatedAt', 'searchText',
] as const; // prettier-ignore
export const ALBUM_COLUMNS = [
  'id', 'ownerId', 'title', 'description', 'visibility', 'shareCode', 'coverStageId', 'coverPinned',
  'stageCount', 'likeCount', 'favoriteCount', 'createdAt', 'updatedAt', 'activityAt', 'hot', 'titleNorm',
  'searchText',
] as const; // prettier-ignore
export const STAGE_COLUMNS = [
  'id', 'albumId', 'position', 'kind', 'title', 'note', 'status', 'error', 'attempts', 'originalKey',
  'sha256', 'originalName', 'bytes', 'width', 'height', 'thumbKey', 'previewKey', 'placeholder', 'colors',
  'createdAt', 'updatedAt',
] as const; // prettier-ignore
export const COLOR_COLUMNS = ['stageId', 'rank', 'albumId', 'hue', 'weight'] as const;

export type Row = (string | number | null)[];

/** The painter the "painter name" scenario searches for; pinned so the query always has a hit. */
export const KNOWN_PAINTER = { index: 42, displayName: 'Élodie Marchand' };

/** Every painter signs with the same (unusable) hash: nobody signs in during the benchmark. */
const PASSWORD_HASH = 'scrypt$bench$not-a-real-hash';
const DAY_MS = 86_400_000;
const SPAN_MS = 730 * DAY_MS;

/** MySQL DATETIME(6) text in UTC, as TypeORM writes it with timezone 'Z'. */
export function sqlTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

export function painterRows(count: number, rng: Rng, endMs: number): { rows: Row[]; ids: string[] } {
  const rows: Row[] = [];
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = uuidv4(rng);
    const username = `painter_${String(i).padStart(5, '0')}`;
    const displayName =
      i === KNOWN_PAINTER.index
        ? KNOWN_PAINTER.displayName
        : rng.chance(0.1)
          ? `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}-${rng.pick(LAST_NAMES)}`
          : `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    // Accounts exist before their artworks: created up to a month before the first one.
    const created = sqlTime(endMs - SPAN_MS - rng.int(0, 30) * DAY_MS);
    const searchText = normalize(`${username} ${displayName}`).slice(0, 100);
    rows.push([id, username, displayName, '', PASSWORD_HASH, 'user', null, 0, created, created, searchText]);
    ids.push(id);
  }
  return { rows, ids };
}

/** Generates artworks in creation order, each with its stages and their colours. */
export class ArtworkGenerator {
  private readonly subjects = new Zipf(SUBJECTS, 1.0);
  private readonly words = new Zipf(DESCRIPTION_WORDS, 0.9);
  private readonly stageTitles = new Zipf(STAGE_TITLES, 1.0);
  /** Productive painters own many artworks (Zipf over a shuffled painter list). */
  private readonly owners: Zipf<string>;
  private readonly startMs: number;
  private readonly stepMs: number;
  private readonly endMs: number;

  constructor(
    private readonly rng: Rng,
    painterIds: string[],
    total: number,
    endMs: number,
  ) {
    const shuffled = [...painterIds];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    this.owners = new Zipf(shuffled, 0.8);
    this.endMs = endMs;
    this.startMs = endMs - SPAN_MS;
    this.stepMs = Math.floor(SPAN_MS / total);
  }

  /** Artwork number i (0 = oldest): its album row, stage rows and colour rows. */
  artwork(i: number): { album: Row; stages: Row[]; colors: Row[] } {
    const rng = this.rng;
    // Strictly increasing creation ms, so UUIDv7 ids sort exactly by creation.
    const createdMs = this.startMs + i * this.stepMs + rng.int(0, this.stepMs - 1);
    const id = uuidv7(createdMs, rng);
    const title = this.title();
    const description = this.description();
    const stageCount = rng.int(1, 6);
    const stages: Row[] = [];
    const colors: Row[] = [];
    const stageTitles: string[] = [];
    let stageMs = createdMs;
    for (let position = 0; position < stageCount; position++) {
      // Later stages arrive hours to weeks after the first, never after "now".
      if (position) stageMs = Math.min(this.endMs, stageMs + rng.int(1, 21 * 24) * 3_600_000);
      const stageId = uuidv4(rng);
      const stageTitle = rng.chance(0.4) ? this.stageTitles.sample(rng) : '';
      stageTitles.push(stageTitle);
      const palette = this.palette();
      const [w, h] = rng.pick([[4000, 3000], [3000, 4000], [3024, 4032], [2400, 2400], [6000, 4000]] as const); // prettier-ignore
      const base = `${id}/${stageId}`;
      const at = sqlTime(stageMs);
      stages.push([
        stageId, id, position, STAGE_KINDS[Math.min(position, STAGE_KINDS.length - 1)]!, stageTitle, '',
        'ready', null, 1, `originals/${base}.jpg`, rng.hex(32), `IMG_${rng.int(1000, 9999)}.jpg`,
        rng.int(1_500_000, 9_000_000), w, h, `thumbs/${base}.webp`, `previews/${base}.webp`,
        rng.hex(14), JSON.stringify(palette), at, at,
      ]); // prettier-ignore
      palette.forEach((c, rank) => colors.push([stageId, rank, id, c.hue, c.weight]));
    }
    const likeCount = this.likes();
    const visibility = rng.chance(0.9) ? 'public' : 'unlisted';
    const searchText = normalize([title, description, ...stageTitles].join(' ')).slice(0, 60_000);
    const album: Row = [
      id, this.owners.sample(rng), title, description, visibility,
      Buffer.from(rng.hex(12), 'hex').toString('base64url'), stages.at(-1)![0]!, 0, stageCount, likeCount,
      Math.floor(likeCount / 3), sqlTime(createdMs), sqlTime(stageMs), stageMs, hotScore(likeCount, createdMs),
      normalize(title).slice(0, 120), searchText,
    ]; // prettier-ignore
    return { album, stages, colors };
  }

  /** A title from weighted templates; subjects are Zipf-distributed, so "harbour" is frequent. */
  private title(): string {
    const rng = this.rng;
    const subject = this.subjects.sample(rng);
    const templates: [number, () => string][] = [
      [25, () => subject],
      [20, () => `${subject} at ${rng.pick(TIMES)}`],
      [17, () => `${rng.pick(ADJECTIVES)} ${subject}`],
      [10, () => `study in ${rng.pick(COLOURS)}`],
      [8, () => `portrait of ${rng.pick(FIRST_NAMES)}`],
      [10, () => `${subject}, ${rng.pick(PLACES)}`],
      [7, () => `${subject} in ${rng.pick(COLOURS)}`],
      [3, () => `untitled ${rng.int(1, 99)}`],
    ];
    let roll = rng.next() * 100;
    const [, make] = templates.find(([weight]) => (roll -= weight) < 0) ?? templates[0]!;
    const t = make();
    return t.charAt(0).toUpperCase() + t.slice(1);
  }

  /** 6–24 words, Zipf-distributed, in short sentences; one in ~30 has a rare word. */
  private description(): string {
    const rng = this.rng;
    const n = rng.int(6, 24);
    const words: string[] = [];
    for (let k = 0; k < n; k++) words.push(this.words.sample(rng));
    if (rng.chance(1 / 30)) words.splice(rng.int(0, words.length), 0, rng.pick(RARE_WORDS));
    const sentences: string[] = [];
    for (let k = 0; k < words.length; k += 6) {
      const s = words.slice(k, k + 6).join(' ');
      sentences.push(s.charAt(0).toUpperCase() + s.slice(1) + '.');
    }
    return sentences.join(' ');
  }

  /** Heavy-tailed likes (Pareto, α≈1.2): most artworks a handful, a few thousands. */
  private likes(): number {
    const u = 1 - this.rng.next();
    return Math.min(50_000, Math.floor(2 / u ** (1 / 1.2)) - 2);
  }

  /**
   * 1–4 dominant colours, heaviest first, weights summing to 0.6–1. Hues cluster where paintings
   * do (earth tones ~30°, skies and seas ~215°, foliage ~100°) with a uniform remainder.
   */
  private palette(): { hex: string; hue: number; weight: number }[] {
    const rng = this.rng;
    const k = rng.int(1, 4);
    const raw = Array.from({ length: k }, () => rng.next() + 0.05);
    const total = raw.reduce((a, b) => a + b, 0);
    const share = 0.6 + rng.next() * 0.4;
    return raw
      .map((r) => Math.floor((r / total) * share * 10_000) / 10_000)
      .sort((a, b) => b - a)
      .map((weight) => {
        const roll = rng.next();
        const centre = roll < 0.35 ? 30 : roll < 0.6 ? 215 : roll < 0.75 ? 100 : rng.next() * 360;
        const hue = Math.round((((roll < 0.75 ? rng.normal(centre, 14) : centre) % 360) + 360) % 360) % 360;
        return { hex: hslHex(hue, 0.2 + rng.next() * 0.6, 0.25 + rng.next() * 0.5), hue, weight };
      });
  }
}

function hslHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number): string => {
    const k = (n + h / 30) % 12;
    const v = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(v * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}
