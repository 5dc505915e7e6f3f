// The knowledge-base files: their text goes to the engine as it is, and the page reads from the
// same files only what people read: questions, condition pages, citations, review status.
// Which files there are comes from kb/manifest.json, written by the build from data/kb (file names
// with content hashes: the one list; a hash in the query string keeps an HTTP cache from mixing
// versions when no service worker is in control).

export async function fetchKnowledgeBase(base = 'kb/') {
  const listed = await fetch(`${base}manifest.json`, { cache: 'no-cache' });
  if (!listed.ok) throw new Error(`kb/manifest.json: HTTP ${listed.status}`);
  const manifest = await listed.json();
  const files = Array.isArray(manifest?.files) ? manifest.files : [];
  if (files.length === 0) throw new Error('kb/manifest.json lists no files');
  return Promise.all(
    files.map(async ({ name, sha256 }) => {
      if (typeof name !== 'string' || !/^[a-z0-9_-]+\.json$/.test(name))
        throw new Error(`kb/manifest.json: bad file name ${name}`);
      const response = await fetch(
        `${base}${name}${typeof sha256 === 'string' ? `?v=${encodeURIComponent(sha256.slice(0, 16))}` : ''}`,
      );
      if (!response.ok) throw new Error(`kb/${name}: HTTP ${response.status}`);
      return { name: `kb/${name}`, text: await response.text() };
    }),
  );
}

function indexById(list, key = 'id') {
  const map = new Map();
  for (const item of Array.isArray(list) ? list : []) {
    if (item && typeof item[key] === 'string') map.set(item[key], item);
  }
  return map;
}

/** Reads the texts people see. Every lookup returns '' (never an id) when the text is missing. */
export class KnowledgeTexts {
  constructor(documents) {
    const merged = {};
    for (const doc of documents) Object.assign(merged, JSON.parse(doc.text));
    this.sources = indexById(merged.sources);
    this.findings = indexById(merged.findings);
    this.conditions = indexById(merged.conditions);
    this.pages = indexById(merged.pages, 'condition');
    this.interview = merged.interview ?? {};
    this.screens = indexById(merged.screens);
    this.followUpStemText = merged.follow_up_stem ?? {};
    this.conditionOrder = (merged.conditions ?? []).map((c) => c.id);
  }

  static text(value) {
    return typeof value === 'string' ? value : '';
  }

  question(findingId, lang, audience) {
    const text = this.findings.get(findingId)?.text?.[lang];
    return KnowledgeTexts.text(text?.[audience]) || KnowledgeTexts.text(text?.patient);
  }

  isExam(findingId) {
    return this.findings.get(findingId)?.audience === 'clinician';
  }

  conditionName(conditionId, lang, audience) {
    const name = this.conditions.get(conditionId)?.name?.[lang];
    return KnowledgeTexts.text(name?.[audience]) || KnowledgeTexts.text(name?.patient);
  }

  icd10(conditionId) {
    return KnowledgeTexts.text(this.conditions.get(conditionId)?.icd10);
  }

  review(conditionId) {
    const review = this.conditions.get(conditionId)?.review ?? {};
    return {
      status: KnowledgeTexts.text(review.status) || 'draft',
      lastReviewed: KnowledgeTexts.text(review.last_reviewed),
      reviewer: KnowledgeTexts.text(review.reviewer),
    };
  }

  /** {sections: [[key, text]...], sources: [ids]} for the audience, or null. */
  page(conditionId, lang, audience) {
    const page = this.pages.get(conditionId)?.[lang];
    if (!page) return null;
    const keys =
      audience === 'clinician'
        ? ['what', 'causes', 'diagnosis', 'treatment']
        : ['what', 'causes', 'diagnosis', 'treatment', 'self_care', 'seek_care'];
    const part = page[audience] ?? {};
    const sections = keys.map((key) => [key, KnowledgeTexts.text(part[key])]).filter(([, text]) => text);
    const sources = Array.isArray(page.clinician?.sources)
      ? page.clinician.sources.filter((id) => this.sources.has(id))
      : [];
    return { sections, sources };
  }

  source(sourceId) {
    return this.sources.get(sourceId) ?? null;
  }

  /** The reason written for an estimated likelihood (the engine reports only that it is one). */
  estimateReason(conditionId, findingId) {
    return KnowledgeTexts.text(this.conditions.get(conditionId)?.likelihoods?.[findingId]?.estimate);
  }

  /** Summary of the review status over all conditions. */
  reviewSummary() {
    let reviewed = 0;
    let latest = '';
    for (const id of this.conditionOrder) {
      const { status, lastReviewed } = this.review(id);
      if (status === 'reviewed' || status === 'approved') reviewed += 1;
      if (lastReviewed > latest) latest = lastReviewed;
    }
    return { reviewed, total: this.conditionOrder.length, latest };
  }

  /** The heading of a screen: its stem (the follow-up screen has one stem of its own). */
  screenStem(screenId, lang, audience) {
    const stem = screenId === 'follow_up' ? this.followUpStemText?.[lang] : this.screens.get(screenId)?.stem?.[lang];
    return KnowledgeTexts.text(stem?.[audience]) || KnowledgeTexts.text(stem?.patient);
  }

  /** The id of the opening screen that holds `findingId`, or ''. */
  openingScreenOf(findingId) {
    for (const screen of this.screens.values()) {
      if (screen.kind === 'opening' && Array.isArray(screen.items) && screen.items.includes(findingId))
        return screen.id;
    }
    return '';
  }

  /**
   * The questions a person may answer on their own ("Add something else"): every finding some
   * screen for this audience holds, for this sex, worded for the audience, without the diagram's
   * regions and sides. [{finding, text}] in the screens' order.
   */
  searchable(lang, audience, sex) {
    const diagram = new Set([
      ...(Array.isArray(this.interview.diagram_findings) ? this.interview.diagram_findings : []),
      ...Object.values(this.sideFindings()),
    ]);
    const out = [];
    const seen = new Set();
    for (const screen of this.screens.values()) {
      if (screen.audience !== 'all' && screen.audience !== audience) continue;
      for (const id of Array.isArray(screen.items) ? screen.items : []) {
        const finding = this.findings.get(id);
        if (!finding || seen.has(id) || diagram.has(id)) continue;
        if (finding.audience !== 'all' && finding.audience !== audience) continue;
        if (finding.only_sex && finding.only_sex !== sex) continue;
        const text = this.question(id, lang, audience);
        if (!text) continue;
        seen.add(id);
        out.push({ finding: id, text });
      }
    }
    return out;
  }

  sideFindings() {
    const sides = this.interview.side_findings ?? {};
    return {
      one_side: sides.one_side ?? 'side.one_side',
      both_sides: sides.both_sides ?? 'side.both_sides',
      midline: sides.midline ?? 'side.midline',
    };
  }
}
