/**
 * The structure of Hub model-card metadata as JSON Schema (draft 2020-12): types and shapes only.
 * Value lists (licenses, languages, tasks, libraries) are checked in code so the message can say
 * "did you mean". model-index follows what huggingface_hub's model_index_to_eval_results indexes.
 */
const text = { type: 'string' } as const;
const textOrList = { type: ['string', 'array'], items: { type: 'string' } } as const;
const args = { type: ['object', 'string'] } as const;

const metric = {
  type: 'object',
  required: ['type', 'value'],
  properties: { type: text, value: true, name: text, config: text, args, verifyToken: text, verified: { type: 'boolean' } },
} as const;

const result = {
  type: 'object',
  required: ['task', 'dataset', 'metrics'],
  properties: {
    task: { type: 'object', required: ['type'], properties: { type: text, name: text } },
    dataset: {
      type: 'object',
      required: ['type', 'name'],
      properties: { type: text, name: text, config: text, split: text, revision: text, args },
    },
    metrics: { type: 'array', items: metric },
    source: { type: 'object', required: ['url'], properties: { url: text, name: text } },
  },
} as const;

const modelIndex = {
  type: 'array',
  items: { type: 'object', required: ['name', 'results'], properties: { name: text, results: { type: 'array', items: result } } },
} as const;

const co2 = {
  type: ['number', 'object'],
  properties: {
    emissions: { type: 'number' }, source: text, training_type: text, geographical_location: text, hardware_used: text,
  },
} as const;

const widget = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      text, src: text, example_title: text, group: text, output: { type: 'object' }, parameters: { type: 'object' },
      candidate_labels: text, messages: { type: 'array' }, source_sentence: text, sentences: { type: 'array', items: text },
    },
  },
} as const;

const gatedField = { type: ['string', 'object'], properties: { type: text, options: { type: 'array' } } } as const;

export const HUGGINGFACE_CARD_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://raw.githubusercontent.com/steward-dev/steward/main/schemas/model-card.huggingface.schema.json',
  title: 'Hugging Face Hub model card metadata',
  type: 'object',
  properties: {
    language: textOrList,
    license: textOrList,
    license_name: text,
    license_link: text,
    library_name: text,
    pipeline_tag: text,
    tags: textOrList,
    datasets: textOrList,
    metrics: textOrList,
    base_model: textOrList,
    base_model_relation: text,
    new_version: text,
    thumbnail: { type: ['string', 'null'] },
    'model-index': modelIndex,
    co2_eq_emissions: co2,
    widget,
    inference: { type: ['boolean', 'object'], properties: { parameters: { type: 'object' } } },
    extra_gated_prompt: text,
    extra_gated_heading: text,
    extra_gated_description: text,
    extra_gated_button_content: text,
    extra_gated_fields: { type: 'object', additionalProperties: gatedField },
  },
} as const;
