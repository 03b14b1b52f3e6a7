// A TypeScript copy of the import issue's gen-portfolio.mjs (same PRNG and pools), so the import benchmark
// builds its 100k-row generic CSV in-process instead of reading generated data from disk. Same seed and row
// count give the same text as `node gen-portfolio.mjs --rows N --seed S`.

type Weighted<T> = readonly (readonly [T, number])[];
type Rng = () => number;

function xmur3(str: string): () => number {
  let h = 1779033703 ^ str.length;
  for (let i = 0; i < str.length; i++) {
    h = Math.imul(h ^ str.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
}

function sfc32(a: number, b: number, c: number, d: number): Rng {
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

function makeRng(seed: string): Rng {
  const h = xmur3(`paydown-portfolio:${seed}`);
  const r = sfc32(h(), h(), h(), h());
  for (let i = 0; i < 15; i++) r();
  return r;
}

const AREAS: Weighted<string> = [['Payments', 14], ['Auth', 9], ['Search', 7], ['Frontend', 13], ['Mobile', 10], ['Data platform', 9], ['Infra', 12], ['Billing', 6], ['Notifications', 4], ['Reporting', 5], ['Integrations', 4], ['Platform', 8], ['QA', 3], ['Admin', 2]];
const OWNERS = ['Priya Raman', 'Marco Bianchi', 'Zoë Lindqvist', 'José Ramírez', 'Łukasz Nowak', 'Aiko Tanaka', "Sam O'Neill", 'Chloé Dubois', 'Ngozi Okafor', 'Søren Kjær', '渡辺 健', 'Jürgen Weiß', 'Ana Sofía Gutiérrez', 'Mehmet Yılmaz', 'Nguyễn Thị Lan', 'Oluwaseun Adeyemi', 'Ingrid Håkansson', 'Rafael Conceição', 'Dmitri Volkov', 'Fatima Zahra El Idrissi', 'Liam Murphy', 'Emma Schulz', 'Noah Williams', 'Olivia Brown', 'Lucas Martin', 'Mia Rossi', 'Ethan Cohen', 'Hannah Kowalski', 'Arjun Mehta', 'Grace Lee', 'Tomás Ó Briain', 'Kateřina Dvořáková', 'Platform team', 'Mobile guild', 'SRE on-call', 'Data team'];
const TAGS = ['security', 'perf', 'db', 'ci', 'tests', 'flaky', 'upgrade', 'runtime', 'legacy', 'duplication', 'refactoring', 'observability', 'ops', 'toil', 'docs', 'api', 'frontend', 'css', 'bundle-size', 'mobile', 'release', 'i18n', 'a11y', 'data-quality', 'reliability', 'compliance', 'cost', 'dependency', 'config', 'architecture', 'caching', 'migration', 'auth', 'logging', 'monitoring', 'accessibility', 'dx', 'build', 'infra', 'postmortem'];
const SERVICES = ['payments-gateway', 'checkout-web', 'order-service', 'auth-service', 'search-api', 'catalog-service', 'billing-worker', 'notification-hub', 'reporting-jobs', 'admin-console', 'mobile-app', 'ios-app', 'android-app', 'data-pipeline', 'partner-sync', 'media-service', 'pricing-engine', 'inventory-service', 'user-profile', 'webhooks-dispatcher', 'feature-flags', 'api-gateway'];
const LIBS: readonly (readonly [string, string, string])[] = [['Node', '14', '20'], ['Node', '16', '22'], ['Java', '8', '21'], ['Python', '3.7', '3.12'], ['Spring Boot', '2.3', '3.3'], ['React', '16', '18'], ['Angular', '11', '17'], ['Django', '2.2', '5.0'], ['Rails', '5.2', '7.1'], ['PostgreSQL', '10', '16'], ['Elasticsearch', '6.8', '8.13'], ['Kotlin', '1.4', '2.0'], ['Gradle', '6', '8'], ['webpack', '4', '5'], ['jQuery', '1.12', '3.7'], ['.NET Framework', '4.6', '8'], ['Go', '1.16', '1.22'], ['Terraform', '0.12', '1.8'], ['OpenSSL', '1.1', '3.0']];
const TABLES: readonly (readonly [string, string])[] = [['orders', 'customer_id'], ['payments', 'order_id'], ['invoices', 'account_id'], ['events', 'created_at'], ['sessions', 'user_id'], ['line_items', 'sku'], ['audit_log', 'actor_id'], ['subscriptions', 'plan_id'], ['shipments', 'status']];
const THINGS = ['retry logic', 'date handling', 'currency formatting', 'error handling', 'pagination', 'input validation', 'CSV export', 'PDF rendering', 'caching layer', 'config loading', 'feature flag checks', 'permission checks', 'email templates', 'logging setup', 'HTTP client wrapper', 'job scheduler', 'search indexing', 'image resizing', 'rate limiting', 'session handling', 'timezone conversion'];
const SAFEGUARDS = ['rate limiting', 'pagination', 'timeouts', 'circuit breaker', 'input size limit', 'retry budget', 'idempotency keys', 'audit logging', 'schema validation', 'alerting'];
const ENDPOINTS = ['/api/login', '/admin/users', '/api/search', '/webhooks/partner', '/api/export', '/api/orders', '/internal/reindex', '/api/upload', '/graphql', '/api/v1/reports'];
const SUITES = ['checkout e2e', 'payments integration', 'search relevance', 'mobile UI', 'billing contract', 'auth smoke', 'reporting snapshot', 'API regression'];
const NON_ASCII_TITLES = ['Übersetzungen im Checkout sind hart codiert', 'Rundungsfehler bei Beträgen in Rechnungs-PDF', 'Gestion des fuseaux horaires incohérente dans les rapports', 'Requêtes lentes sur la page « Mes commandes »', '決済APIのタイムアウト設定がハードコードされている', 'Brak indeksu na tabeli zamówień (zamówienia.klient_id)', 'Validación de NIF/CIF duplicada en tres servicios', 'Naïve retry in café-menu sync job', '⚠️ Legacy cron on vm-07 nobody owns', 'Løsningen for e-postmaler er kopiert per språk'];
const CONSEQUENCES = ['p95 latency is 4.2 s on busy days', 'it caused two incidents last quarter', 'every release needs a manual workaround', 'new joiners lose a day to it', 'it blocks the upgrade of three other services', 'support tickets keep coming back', 'CI needs a retry on about one run in six', 'nobody dares to touch it before a release', 'the monthly export locks tables for ~90 s', 'bundle size grew by 180 kB', 'on-call gets paged for it roughly weekly', 'audit flagged it as a finding', 'fixes land in two of three copies', 'the cloud bill is ~€1,200/month higher than needed'];
const CAUSES = ['It was a quick fix before a launch and never revisited.', 'The original owner left; the code has no tests.', 'Written before we had a shared library for this.', 'Copied from the mobile app to save time.', 'The vendor SDK forced this pattern at the time.', 'We postponed it twice during Q3 planning.', 'Came out of the postmortem for the March outage.', 'Nobody knows why it is configured this way; it "just works".'];
const NEXT_STEPS = ['Agree on an owner, then timebox a spike (2 days).', 'Add tests around current behaviour first, then replace it.', 'Needs a feature flag and a staged rollout.', 'Coordinate with the data team; the schema change needs a backfill.', 'Can be split: read path first, write path later.', 'Quick win once the dependency upgrade lands.'];
const NON_ASCII_NOTES = ['Betrifft auch die Schnittstelle zum Lager (Lieferschein-Export).', 'Voir aussi le ticket « export comptable » — même cause.', '影響範囲：決済、返金、請求書の再発行。', 'Zgłoszone przez zespół wsparcia — klienci widzą złe kwoty.', 'Olası çözüm: ortak kütüphaneye taşımak.', 'Ticket original: «plantilla de correo duplicada».', 'Temperature sensor rounding: 21,5 °C shown as 22 °C 🌡️'];
const QUALIFIERS = ['checkout path', 'refund flow', 'EU tenants', 'nightly batch', 'Android only', 'iOS only', 'v2 API', 'admin area', 'partner sync', 'invoice run', 'guest checkout', 'SSO login', 'bulk import', 'month-end close', 'search autocomplete', 'mobile web', 'legacy tenants', 'B2B accounts', 'US-East', 'peak traffic', 'reporting replica', 'webhooks', 'PDF invoices', 'email digest', 'price updates', 'inventory sync', 'cart', 'loyalty points', 'gift cards', 'tax calculation', 'shipping quotes', 'returns portal', 'onboarding wizard', 'password reset', '2FA enrolment', 'audit export', 'data retention job', 'GDPR deletion'];
const REF_PREFIXES = ['INC', 'PM', 'SEC', 'OPS', 'SUP', 'ARCH', 'QA'];
const FLAGS = ['new_checkout', 'v2_search', 'beta_reports', 'fast_login', 'legacy_pdf', 'dark_launch_tax', 'promo_engine_v1'];
const MANUAL = ['release checklist', 'reindex', 'backfill', 'key rotation', 'certificate renewal', 'failover drill'];

function weighted<T>(pairs: Weighted<T>): (r: Rng) => T {
  const total = pairs.reduce((s, p) => s + p[1], 0);
  let acc = 0;
  const cum = pairs.map(([v, w]): [T, number] => [v, (acc += w / total)]);
  const last = cum[cum.length - 1];
  if (last === undefined) throw new Error('empty pool');
  last[1] = 1;
  return (r) => {
    const x = r();
    return (cum.find(([, c]) => x < c) ?? last)[0];
  };
}

const pick = <T>(r: Rng, arr: readonly T[]): T => arr[Math.floor(r() * arr.length)] as T; // index is always in range
const chance = (r: Rng, p: number): boolean => r() < p;
const pickArea = weighted(AREAS);
const pickOwner = weighted(OWNERS.map((o, i) => [o, 1 / (i + 1.5)] as const));
const pickTag = weighted(TAGS.map((t, i) => [t, 1 / Math.sqrt(i + 1)] as const));
const pickLikelihood = weighted([[1, 12], [2, 28], [3, 32], [4, 19], [5, 9]]);
const pickImpact = weighted([[1, 10], [2, 25], [3, 33], [4, 21], [5, 11]]);
const pickEffort = weighted([['0.5', 3], ['1', 14], ['2', 20], ['3', 22], ['5', 18], ['8', 12], ['13', 7], ['21', 3], ['40', 1]]);
const pickTagCount = weighted([[0, 15], [1, 35], [2, 30], [3, 14], [4, 6]]);

function interestFor(r: Rng, impact: number, effort: number): string {
  if (chance(r, 0.1)) return '0';
  const u = Math.max(r(), 1e-9);
  const base = Math.exp(-0.1 + 0.75 * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r()));
  let v = base * (0.4 + impact * 0.2) * (effort >= 13 ? 1.4 : 1);
  if (chance(r, 0.01)) v *= 5;
  v = Math.round(v * 2) / 2;
  return String(Math.min(v, 21));
}

const DAY_MS = 86400000;
const DUE_START = Date.UTC(2024, 0, 1);
const DUE_SPAN_DAYS = Math.round((Date.UTC(2027, 11, 31) - DUE_START) / DAY_MS);

function dueFor(r: Rng): string {
  if (chance(r, 0.5)) return '';
  const d = new Date(DUE_START + Math.floor(r() * (DUE_SPAN_DAYS + 1)) * DAY_MS);
  if (chance(r, 0.35)) d.setUTCDate(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate());
  return d.toISOString().slice(0, 10);
}

const thousands = (n: number): string => (n >= 1000 ? `${String(Math.floor(n / 1000))},${String(n % 1000).padStart(3, '0')}` : String(n));
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function titleCore(r: Rng, area: string): string {
  const svc = pick(r, SERVICES);
  switch (Math.floor(r() * 12)) {
    case 0: { const [lib, a, b] = pick(r, LIBS); return `Upgrade ${lib} ${a} → ${b} in ${svc}`; }
    case 1: { const [lib, a] = pick(r, LIBS); return `${svc} pinned to ${lib} ${a}`; }
    case 2: { const [t, c] = pick(r, TABLES); return `Missing index on ${t}.${c} (${svc})`; }
    case 3: return `Duplicate ${pick(r, THINGS)} in ${String(2 + Math.floor(r() * 4))} services`;
    case 4: return `Replace hand-rolled ${pick(r, THINGS)} in ${svc}`;
    case 5: return `No ${pick(r, SAFEGUARDS)} on ${pick(r, ENDPOINTS)} in ${svc}`;
    case 6: return `Flaky ${pick(r, SUITES)} suite (${String(5 + Math.floor(r() * 30))}% of runs need a retry)`;
    case 7: return `Remove dead feature flag "${pick(r, FLAGS)}" from ${svc}`;
    case 8: return `God class in ${svc} (${thousands(1200 + Math.floor(r() * 5000))} lines)`;
    case 9: return `${area}: manual ${pick(r, MANUAL)} (${String(5 + Math.floor(r() * 40))} steps)`;
    case 10: return `Move ${pick(r, THINGS)} out of the ${svc} request path`;
    default: return `Tests missing for ${pick(r, THINGS)} in ${svc}`;
  }
}

const ref = (r: Rng): string => `${pick(r, REF_PREFIXES)}-${String(100 + Math.floor(r() * 9900))}`;

function titleFor(r: Rng, area: string, detailed = false): string {
  if (chance(r, 0.03)) return `${pick(r, NON_ASCII_TITLES)} (${ref(r)})`;
  let t = titleCore(r, area);
  if (detailed || chance(r, 0.7)) t += ` — ${pick(r, QUALIFIERS)}`;
  if (detailed || chance(r, 0.55)) t += ` (${ref(r)})`;
  return t;
}

function descriptionFor(r: Rng): string {
  if (chance(r, 0.04)) return '';
  let text = `${cap(pick(r, CONSEQUENCES))}. ${pick(r, CAUSES)}`;
  if (chance(r, 0.12)) {
    text += `\n${pick(r, NEXT_STEPS)}`;
    if (chance(r, 0.4)) text += `\n- ${pick(r, CONSEQUENCES)}\n- ${pick(r, CONSEQUENCES)}`;
  } else {
    if (chance(r, 0.35)) text += ` Also, ${pick(r, CONSEQUENCES)}.`;
    if (chance(r, 0.45)) text += ` ${pick(r, NEXT_STEPS)}`;
  }
  if (chance(r, 0.05)) text += ` ${pick(r, NON_ASCII_NOTES)}`;
  return text;
}

function tagsFor(r: Rng, area: string): string {
  const n = pickTagCount(r);
  const set = new Set<string>();
  if (area === 'Auth' && chance(r, 0.5)) set.add('security');
  while (set.size < n) set.add(pickTag(r));
  return [...set].join(', ');
}

const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

const GENERIC_HEADER = 'Title,Description,Area,Owner,Likelihood,Impact,Effort,Interest per sprint,Due,Tags';

/** `rows` data rows of the generic format, after its header, exactly as gen-portfolio.mjs writes them. */
export function generateGenericCsv(rows: number, seed = '1'): string {
  const r = makeRng(seed);
  const seen = new Set<string>();
  const lines = [GENERIC_HEADER];
  for (let i = 0; i < rows; i++) {
    const area = pickArea(r);
    let title = titleFor(r, area);
    if (seen.has(title) && !chance(r, 0.005)) title = titleFor(r, area, true);
    seen.add(title);
    const description = descriptionFor(r);
    const owner = chance(r, 0.05) ? '' : pickOwner(r);
    let likelihood = pickLikelihood(r);
    let impact = pickImpact(r);
    if ((area === 'Auth' || area === 'Payments') && chance(r, 0.3)) impact = Math.min(5, impact + 1);
    if (area === 'QA' && chance(r, 0.3)) likelihood = Math.min(5, likelihood + 1);
    const effort = chance(r, 0.02) ? '' : pickEffort(r);
    const interest = interestFor(r, impact, Number(effort || 3));
    const due = dueFor(r);
    const tags = tagsFor(r, area);
    lines.push([title, description, area, owner, String(likelihood), String(impact), effort, interest, due, tags].map(cell).join(','));
  }
  return `${lines.join('\n')}\n`;
}
