/** The mitchell profile: the sections of "Model Cards for Model Reporting" (Mitchell et al., 2019). */
import { makeFinding, type Finding } from '../findings.js';
import { isEmptySection, listHeadings, normaliseHeading, type Heading } from './mitchell-headings.js';
import type { ParsedCard } from './types.js';

/**
 * Each section with the headings that stand for it: the paper's names (as in mlr3fairness' template
 * and openai/gpt-2's card) and the Hugging Face template's reorganisation (huggingface_hub
 * modelcard_template.md), where "Bias, Risks, and Limitations" covers both ethics and caveats.
 */
export const MITCHELL_SECTIONS: Readonly<Record<string, readonly string[]>> = {
  'Model Details': ['model details', 'model description', 'model information', 'model overview', 'model summary'],
  'Intended Use': ['intended use', 'intended uses', 'uses', 'intended uses & limitations', 'intended uses and limitations',
    'intended use cases', 'model use', 'use cases', 'direct use'],
  Factors: ['factors', 'relevant factors', 'evaluation factors', 'factors & metrics', 'factors and metrics'],
  Metrics: ['metrics', 'performance measures', 'model performance measures', 'evaluation metrics', 'factors & metrics',
    'factors and metrics'],
  'Evaluation Data': ['evaluation data', 'evaluation dataset', 'evaluation datasets', 'testing data', 'test data',
    'testing data, factors & metrics', 'eval data'],
  'Training Data': ['training data', 'training details', 'training procedure', 'training dataset', 'training datasets',
    'training'],
  'Quantitative Analyses': ['quantitative analyses', 'quantitative analysis', 'evaluation', 'results', 'evaluation results',
    'performance', 'benchmarks', 'performance and limitations'],
  'Ethical Considerations': ['ethical considerations', 'ethics', 'bias, risks, and limitations', 'bias, risks and limitations',
    'risks and limitations', 'broader implications', 'ethical considerations and limitations', 'bias and fairness'],
  'Caveats and Recommendations': ['caveats and recommendations', 'caveats', 'recommendations', 'limitations',
    'bias, risks, and limitations', 'bias, risks and limitations', 'limitations and bias', 'bias and limitations',
    'performance and limitations'],
};

function headingsFor(name: string, headings: readonly Heading[]): Heading[] {
  const key = normaliseHeading(name);
  const canonical = Object.keys(MITCHELL_SECTIONS).find((section) => normaliseHeading(section) === key);
  const names = new Set([key, ...(canonical ? MITCHELL_SECTIONS[canonical]! : [])]);
  return headings.filter((heading) => names.has(heading.key));
}

function sectionFinding(card: ParsedCard, name: string, severity: 'error' | 'warning', heading: Heading | null): Finding {
  const base = { check: 'model-card' as const, rule: 'card-section', severity, path: card.path };
  if (!heading) {
    return makeFinding({
      ...base,
      message: `The card has no '${name}' section`,
      hint: `Add a heading '## ${name}' and describe it there (see "Model Cards for Model Reporting", Mitchell et al. 2019).`,
    });
  }
  return makeFinding({
    ...base,
    message: `The '${heading.text}' section is empty`,
    line: card.bodyStartLine + heading.offset,
    column: 1,
    hint: `Write the ${name} under this heading; "[More Information Needed]" and HTML comments do not count.`,
  });
}

/**
 * card-section findings: a Mitchell et al. section (or a `required` extra one) that no heading
 * names is missing (no line); one whose every heading has no content is empty (the first heading's line).
 * Paper sections are warnings; sections the repository requires are errors. With `paper: false`,
 * only the required ones are checked.
 */
export function checkMitchellSections(card: ParsedCard, options: { required?: string[]; paper?: boolean } = {}): Finding[] {
  const headings = listHeadings(card.body);
  const required = new Set((options.required ?? []).map(normaliseHeading));
  // paper: false checks only the repository's required sections (other profiles than mitchell).
  const paper = (options.paper === false ? [] : Object.keys(MITCHELL_SECTIONS)).map((name) => ({ name, severity: required.has(normaliseHeading(name)) ? 'error' as const : 'warning' as const }));
  const known = new Set(paper.map(({ name }) => normaliseHeading(name)));
  const extra = (options.required ?? []).filter((name) => !known.has(normaliseHeading(name))).map((name) => ({ name, severity: 'error' as const }));
  return [...paper, ...extra].flatMap(({ name, severity }) => {
    const matches = headingsFor(name, headings);
    if (matches.length === 0) return [sectionFinding(card, name, severity, null)];
    if (matches.every((heading) => isEmptySection(heading.content))) return [sectionFinding(card, name, severity, matches[0]!)];
    return [];
  });
}
