// @ts-check
/*
 * The layers of backend/src, checked by `npm run lint:structure` (first step of `npm test`).
 *
 *   top             app.module.ts, app.setup.ts, main.ts, worker.ts, cli/   may import anything
 *   features        users, auth, stages, artworks, ...                     level 0, infrastructure, and
 *                                                                          the features FEATURES allows
 *   infrastructure  database, redis, storage, queue, ...                   level 0 and each other
 *   level 0         common (nothing else), config (common only)
 *
 * Nothing may import "upwards", no file- or folder-level cycles anywhere, and type-only imports count
 * like any other (`tsPreCompilationDeps`): a type import still couples the folders.
 */

const SRC = '^backend/src/';

const LEVEL0 = ['common', 'config'];

/** Adapters and library code; `events` and `search-index` are reserved for the domain event bus and the search port. */
const INFRASTRUCTURE = [
  'startup',
  'observability',
  'database',
  'redis',
  'storage',
  'queue',
  'session',
  'throttling',
  'realtime',
  'media',
  'events',
  'search-index',
  'read-cache',
];

/** Each feature and the features it may import: a DAG, so features never form a cycle. */
const FEATURES = {
  users: [],
  auth: ['users'],
  stages: [],
  artworks: ['users', 'stages'],
  social: ['users', 'artworks'],
  search: ['users', 'artworks'],
  chat: ['users'],
  reports: ['users', 'artworks', 'stages', 'chat', 'comments'],
  health: [],
  process: ['users', 'artworks', 'stages'],
  comments: ['users', 'artworks', 'stages'],
  /** Listens to the others' domain events; nothing depends on it. */
  notifications: ['users', 'artworks', 'stages', 'social', 'comments'],
  /** Pages outside /api: the web app, link previews, robots.txt, the sitemap. */
  web: ['users', 'artworks'],
  /** Moderation: the report queue and its actions over the features it moderates. */
  admin: ['users', 'artworks', 'stages', 'chat', 'comments', 'reports'],
};

const TOP_FILES = ['app\\.module\\.ts', 'app\\.setup\\.ts', 'main\\.ts', 'worker\\.ts'];
const TOP_FOLDERS = ['cli'];

/**
 * Justified exceptions, one entry per import that breaks a module-level rule on purpose.
 * Each entry: { from: regex of the importing file, to: regex of the imported file, why: '...' }.
 * Keep it empty; an entry needs a reason a reviewer accepts, and a plan to remove it.
 * (Folder-level cycle checks cannot take exceptions: dependency-cruiser's folder scope only knows `path`.)
 */
const EXCEPTIONS = /** @type {{ from: string; to: string; why: string }[]} */ ([]);

const folders = (names) => `${SRC}(?:${names.join('|')})/`;
const TOP = `${SRC}(?:${[...TOP_FILES.map((f) => `${f}$`), ...TOP_FOLDERS.map((d) => `${d}/`)].join('|')})`;
const KNOWN = `${SRC}(?:${[
  ...TOP_FILES.map((f) => `${f}$`),
  ...[...TOP_FOLDERS, ...LEVEL0, ...INFRASTRUCTURE, ...Object.keys(FEATURES)].map((d) => `${d}/`),
].join('|')})`;

/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
const layerRules = [
  {
    name: 'common-imports-nothing',
    comment: 'common/ is level 0: it imports no other backend/src folder.',
    severity: 'error',
    from: { path: folders(['common']) },
    to: { path: SRC, pathNot: folders(['common']) },
  },
  {
    name: 'config-imports-common-only',
    comment: 'config/ is level 0: it may import common/ and nothing else in backend/src.',
    severity: 'error',
    from: { path: folders(['config']) },
    to: { path: SRC, pathNot: folders(['config', 'common']) },
  },
  {
    name: 'infrastructure-not-to-features',
    comment: 'Infrastructure serves features; it never imports one (or the top: app module, main, cli).',
    severity: 'error',
    from: { path: folders(INFRASTRUCTURE) },
    to: { path: SRC, pathNot: folders([...LEVEL0, ...INFRASTRUCTURE]) },
  },
  ...Object.entries(FEATURES).map(([feature, allowed]) => ({
    name: `feature-${feature}`,
    comment: allowed.length
      ? `${feature}/ may import level 0, infrastructure and ${allowed.join(', ')}/ only.`
      : `${feature}/ may import level 0 and infrastructure only, no other feature.`,
    severity: /** @type {const} */ ('error'),
    from: { path: folders([feature]) },
    to: { path: SRC, pathNot: folders([feature, ...allowed, ...LEVEL0, ...INFRASTRUCTURE]) },
  })),
  {
    name: 'not-to-top',
    comment: 'app.module, app.setup, main, worker and cli/ assemble the app; nothing below imports them.',
    severity: 'error',
    from: { path: SRC, pathNot: TOP },
    to: { path: TOP },
  },
  {
    name: 'folder-has-a-layer',
    comment: 'Every backend/src folder belongs to a layer: add a new one to .dependency-cruiser.cjs.',
    severity: 'error',
    from: { path: SRC, pathNot: KNOWN },
    to: {},
  },
  {
    name: 'no-circular',
    comment: 'Files in a cycle cannot be understood, tested or loaded one at a time.',
    severity: 'error',
    from: { path: SRC },
    to: { circular: true },
  },
];

/**
 * Applies EXCEPTIONS to a rule exactly: the rule skips the excepted files as importers, and a copy
 * checks each of them for every import but the excepted ones.
 * @param {import('dependency-cruiser').IForbiddenRuleType} rule
 * @returns {import('dependency-cruiser').IForbiddenRuleType[]}
 */
function withExceptions(rule) {
  if (!EXCEPTIONS.length || !('from' in rule)) return [rule];
  const list = (value) => (value === undefined ? [] : [value].flat());
  const importers = [...new Set(EXCEPTIONS.map((e) => e.from))];
  return [
    { ...rule, from: { ...rule.from, pathNot: [...list(rule.from.pathNot), ...importers] } },
    ...importers.map((importer) => ({
      ...rule,
      from: { ...rule.from, path: list(rule.from.path).map((p) => `(?=${importer})(?=${p})`) },
      to: {
        ...rule.to,
        pathNot: [
          ...list(rule.to.pathNot),
          ...EXCEPTIONS.filter((e) => e.from === importer).map((e) => e.to),
        ],
      },
    })),
  ];
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules.flatMap(withExceptions),
    {
      name: 'no-circular-folders',
      comment:
        'Folders in a cycle are one module in disguise: merge them, or move what both need down a layer.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^backend/src(?:/|$)' },
      to: { circular: true },
    },
  ],
  options: {
    includeOnly: SRC,
    exclude: { path: '\\.spec\\.ts$' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: require('node:path').join(__dirname, 'backend/tsconfig.json') },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
    reporterOptions: {
      dot: { collapsePattern: `${SRC}[^/]+` },
    },
  },
};
