/**
 * Real webhook payloads from @octokit/webhooks-examples (api.github.com/index.json: a list of
 * { name, actions, examples[] } per event), as deep clones that a test may edit freely.
 *
 * API:
 *   loadWebhookExample(event, action?, { index?, as? }?): any
 *       event: 'pull_request', 'check_run', 'issue_comment', ...; action: 'opened', 'rerequested', ...
 *       index: which of several matching examples (default 0).
 *       as: take the example of `action` and relabel it `as`, for actions with no example of their
 *           own, e.g. loadWebhookExample('pull_request', 'opened', { as: 'edited' }).
 *       Throws, listing what exists, when the event or action has no example.
 *   webhookActions(event): string[]   actions that have at least one example
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface WebhookDefinition {
  name: string;
  actions: string[];
  examples: Record<string, unknown>[];
}

let definitions: WebhookDefinition[] | null = null;

function load(): WebhookDefinition[] {
  if (!definitions) {
    const file = createRequire(import.meta.url).resolve('@octokit/webhooks-examples/api.github.com/index.json');
    definitions = JSON.parse(readFileSync(file, 'utf8')) as WebhookDefinition[];
  }
  return definitions;
}

function definitionOf(event: string): WebhookDefinition {
  const definition = load().find((d) => d.name === event);
  if (!definition) throw new Error(`No webhook examples for event "${event}" (known: ${load().map((d) => d.name).join(', ')})`);
  return definition;
}

export function webhookActions(event: string): string[] {
  return [...new Set(definitionOf(event).examples.map((e) => e.action).filter((a): a is string => typeof a === 'string'))];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadWebhookExample(event: string, action?: string, options: { index?: number; as?: string } = {}): any {
  const definition = definitionOf(event);
  const candidates = action === undefined ? definition.examples : definition.examples.filter((e) => e.action === action);
  const example = candidates[options.index ?? 0];
  if (!example) {
    const known = webhookActions(event).join(', ') || '(no actions)';
    throw new Error(`No webhook example for ${event}${action ? `.${action}` : ''} #${options.index ?? 0} (examples exist for: ${known}); use { as } to relabel one`);
  }
  const payload = structuredClone(example);
  if (options.as !== undefined) payload.action = options.as;
  return payload;
}
