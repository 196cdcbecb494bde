/** body-sections: required headings are present and filled in; template task items are ticked. */
import type { BodySectionsOptions } from '../../../config/types.js';
import type { Finding } from '../../findings.js';
import type { RuleCheck } from '../types.js';
import { headingKey, outlineMarkdown, sectionHasContent, stripHtmlComments, uncheckedTasks } from '../parse-markdown.js';
import { outcome, styleFinding } from '../rule-outcome.js';
import { joinList, plural, quoteLine } from '../format-text.js';

const RULE = 'body-sections';
const MAX_LISTED_TASKS = 10;

export const checkBodySections: RuleCheck<BodySectionsOptions> = (input, options) => {
  const body = input.pr.body ?? '';
  const required = options.sections.filter((s) => headingKey(s) !== '');
  const findings: Finding[] = [];
  if (required.length > 0 && stripHtmlComments(body).trim() === '') {
    const names = joinList(required.map((s) => `'${headingText(s)}'`));
    findings.push(styleFinding(RULE, options, `The pull request description is empty; it needs the sections ${names}`, {
      hint: `Fill in the description: ${required.map(asHeading).join(', ')}, each with a few lines under it.`,
    }));
  } else {
    findings.push(...sectionFindings(body, required, options));
  }
  const tasks = options['require-checked-tasks'] ? uncheckedTasks(body) : [];
  if (tasks.length > 0) findings.push(taskFinding(tasks, options));
  return outcome(details(required.length, findings.length, tasks.length, options), findings);
};

function sectionFindings(body: string, required: string[], options: BodySectionsOptions): Finding[] {
  const outline = outlineMarkdown(body);
  const findings: Finding[] = [];
  for (const section of required) {
    const key = headingKey(section);
    const matches = outline.headings.filter((h) => h.key === key);
    if (matches.length === 0) {
      findings.push(styleFinding(RULE, options, `The description has no '${headingText(section)}' section`, {
        hint: `Add a heading ${asHeading(section)} with a few lines under it.`,
      }));
    } else if (!matches.some((h) => sectionHasContent(outline, h))) {
      findings.push(styleFinding(RULE, options, `The '${headingText(section)}' section of the description is empty`, {
        hint: `Write something under ${asHeading(section)}; HTML comments from the template do not count.`,
      }));
    }
  }
  return findings;
}

function taskFinding(tasks: string[], options: BodySectionsOptions): Finding {
  const listed = tasks.slice(0, MAX_LISTED_TASKS).map((t) => `'${quoteLine(t || '(empty item)', 60)}'`);
  const more = tasks.length > MAX_LISTED_TASKS ? ` and ${tasks.length - MAX_LISTED_TASKS} more` : '';
  const message = `${plural(tasks.length, 'task item')} in the description ${tasks.length === 1 ? 'is' : 'are'} not checked: ${listed.join(', ')}${more}`;
  return styleFinding(RULE, options, message, { hint: 'Tick each item when it is done ([x]), or delete the items that do not apply.' });
}

/** The heading as users wrote it in config, without its '#' marks. */
function headingText(section: string): string {
  return section.replace(/^\s*#{1,6}\s*/, '').trim();
}

function asHeading(section: string): string {
  return /^\s*#/.test(section) ? `'${section.trim()}'` : `'## ${section.trim()}'`;
}

function details(sections: number, findings: number, tasks: number, options: BodySectionsOptions): string {
  const parts: string[] = [];
  if (sections > 0) parts.push(`${plural(sections, 'section')} required`);
  if (options['require-checked-tasks']) parts.push(tasks > 0 ? `${plural(tasks, 'unchecked task')}` : 'all tasks checked');
  if (parts.length === 0) return 'nothing required';
  return findings > 0 ? `${parts.join(', ')}; ${plural(findings, 'problem')}` : `${parts.join(', ')}; ok`;
}
