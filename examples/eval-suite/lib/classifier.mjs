/**
 * Multinomial naive Bayes over word and character-trigram counts: small enough to read, real enough
 * to make mistakes (sarcasm, negation, closely related languages).
 */

/** Lower-cased words, and the character trigrams of each word padded with spaces. */
export function featuresOf(text) {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  const features = words.map((w) => `w:${w}`);
  for (const word of words) {
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) features.push(`c:${padded.slice(i, i + 3)}`);
  }
  return features;
}

/** Log-probabilities with Laplace smoothing; `maxFeatures` keeps only the most frequent features. */
export function trainClassifier(items, { maxFeatures = Infinity, smoothing = 1 } = {}) {
  const labels = [...new Set(items.map((i) => i.label))].sort();
  const counts = new Map();
  const totals = new Map();
  for (const item of items) {
    for (const f of featuresOf(item.text)) {
      const row = counts.get(f) ?? Object.fromEntries(labels.map((l) => [l, 0]));
      row[item.label] += 1;
      counts.set(f, row);
      totals.set(f, (totals.get(f) ?? 0) + 1);
    }
  }
  const kept = [...totals.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, maxFeatures).map(([f]) => f);
  const mass = Object.fromEntries(labels.map((l) => [l, kept.reduce((sum, f) => sum + counts.get(f)[l], 0)]));
  const logProb = (n, l) => Math.log((n + smoothing) / (mass[l] + smoothing * (kept.length + 1)));
  const round = (x) => Math.round(x * 1e4) / 1e4;
  return {
    labels,
    priors: labels.map((l) => round(Math.log(items.filter((i) => i.label === l).length / items.length))),
    unknown: labels.map((l) => round(logProb(0, l))),
    features: Object.fromEntries(kept.sort().map((f) => [f, labels.map((l) => round(logProb(counts.get(f)[l], l)))])),
  };
}

export function predict(model, text) {
  const scores = [...model.priors];
  for (const f of featuresOf(text)) {
    const row = model.features[f];
    // Features never seen in training say nothing about the label: skipping them keeps the priors honest.
    if (!row) continue;
    for (let i = 0; i < scores.length; i++) scores[i] += row[i];
  }
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i] > scores[best]) best = i;
  return model.labels[best];
}
