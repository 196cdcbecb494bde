import { describe, it, expect } from '@jest/globals';
import { checkBodySections } from '../../../src/engines/style/rules/body-sections.js';
import type { BodySectionsOptions } from '../../../src/config/types.js';
import { buildStyleInput, ruleOptions } from './build-config.js';

function check(body: string, patch: Partial<BodySectionsOptions> = {}) {
  return checkBodySections(buildStyleInput({ pr: { body } }), ruleOptions('body-sections', patch));
}
const messages = (body: string, patch: Partial<BodySectionsOptions> = {}) => check(body, patch).findings.map((f) => f.message);

describe('body-sections', () => {
  it.each([
    ['both sections at level 2', '## Summary\nText\n## Testing\nRan it'],
    ['other levels and trailing colons', '# summary:\nText\n\n#### TESTING :  \nRan it'],
    ['closing hashes', '## Summary ##\nText\n## Testing ##\nRan it'],
    ['bold heading text', '## **Summary**\nText\n## Testing\nRan it'],
    ['content in a sub-section', '## Summary\n### Details\nText\n## Testing\nRan it'],
    ['a code block as content', '## Summary\n```\ncode\n```\n## Testing\nRan it'],
    ['windows line endings', '## Summary\r\nText\r\n## Testing\r\nRan it\r\n'],
    ['non-ASCII content', '## Summary\nモデルカード\n## Testing\n✅ ça marche'],
  ])('passes with %s', (_label, body) => {
    expect(check(body)).toMatchObject({ status: 'pass', findings: [] });
  });

  it('reports a missing section with the heading to add', () => {
    const result = check('## Summary\nText');
    expect(result.status).toBe('fail');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      rule: 'body-sections', severity: 'warning',
      message: "The description has no 'Testing' section",
      hint: "Add a heading '## Testing' with a few lines under it.",
    });
  });

  it.each([
    ['nothing under it', '## Summary\nText\n## Testing\n'],
    ['only a template comment', '## Summary\nText\n## Testing\n<!-- How did you test this? -->\n\n'],
    ['a multi-line comment', '## Summary\nText\n## Testing\n<!--\nDescribe\nthe tests\n-->'],
    ['only an empty sub-heading', '## Summary\nText\n## Testing\n### Unit\n## Other\nx'],
    ['whitespace only', '## Summary\nText\n## Testing\n   \n\t\n# Next\nx'],
  ])('reports an empty section: %s', (_label, body) => {
    expect(messages(body)).toEqual(["The 'Testing' section of the description is empty"]);
  });

  it('does not take headings from code blocks or comments', () => {
    expect(messages('## Summary\nText\n```md\n## Testing\nfake\n```')).toEqual(["The description has no 'Testing' section"]);
    expect(messages('## Summary\nText\n<!-- ## Testing\nfake -->')).toEqual(["The description has no 'Testing' section"]);
  });

  it('accepts a section when one of two same-named headings has content', () => {
    expect(check('## Summary\nText\n## Testing\n## Testing\nRan it').status).toBe('pass');
  });

  it.each(['', '   \n ', '<!-- template only -->'])('gives one clear finding for an empty body (%j)', (body) => {
    expect(messages(body)).toEqual(["The pull request description is empty; it needs the sections 'Summary' and 'Testing'"]);
  });

  it('accepts section names written without #', () => {
    expect(messages('## Summary\nx', { sections: ['Summary', 'Risks'] })).toEqual(["The description has no 'Risks' section"]);
    expect(check('## Summary\nx', { sections: ['Summary', 'Risks'] }).findings[0]!.hint).toContain("'## Risks'");
  });

  describe('require-checked-tasks', () => {
    const withTasks = (tasks: string) => `## Summary\nText\n## Testing\n${tasks}`;

    it('lists unchecked items, in every list style', () => {
      const result = check(withTasks('- [x] done\n- [ ] ran the tests\n* [ ] updated docs\n1. [ ] numbered\n  + [ ] nested\n- [X] also done'));
      expect(result.findings.map((f) => f.message)).toEqual([
        "4 task items in the description are not checked: 'ran the tests', 'updated docs', 'numbered', 'nested'",
      ]);
    });

    it('lists at most 10 items and counts the rest', () => {
      const tasks = Array.from({ length: 13 }, (_, i) => `- [ ] task ${i + 1}`).join('\n');
      const [finding] = check(withTasks(tasks)).findings;
      expect(finding!.message).toMatch(/^13 task items .*'task 10' and 3 more$/);
      expect(finding!.message).not.toContain("'task 11'");
    });

    it('ignores tasks in comments and code blocks, and can be turned off', () => {
      expect(check(withTasks('- [x] ok\n<!-- - [ ] hidden -->\n```\n- [ ] code\n```')).status).toBe('pass');
      expect(check(withTasks('- [ ] open'), { 'require-checked-tasks': false }).status).toBe('pass');
    });

    it('checks tasks even when no section is required', () => {
      expect(messages('- [ ] lonely', { sections: [] })).toEqual(["1 task item in the description is not checked: 'lonely'"]);
      expect(check('no tasks', { sections: [], 'require-checked-tasks': false }).details).toBe('nothing required');
    });
  });

  it('handles a 10,000-character body quickly', () => {
    const body = `## Summary\n${'word '.repeat(2000)}\n## Testing\n${'- [x] ok\n'.repeat(100)}`;
    expect(body.length).toBeGreaterThan(10_000);
    const started = performance.now();
    expect(check(body).status).toBe('pass');
    expect(check('#'.repeat(10_000) + ' x\n' + '<!--'.repeat(2_500)).status).toBe('fail');
    expect(performance.now() - started).toBeLessThan(500);
  });
});
