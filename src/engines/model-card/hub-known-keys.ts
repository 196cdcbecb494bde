/**
 * Front-matter keys the Hub reads on model cards (hub-docs modelcard.md, huggingface_hub
 * ModelCardData, huggingface.js ApiModelMetadata). Other keys are allowed: the Hub keeps custom
 * metadata, so only keys that look like a misspelling of one of these are reported.
 */
export const HUB_MODEL_CARD_KEYS: readonly string[] = [
  'language', 'license', 'license_name', 'license_link', 'license_details', 'library_name', 'tags', 'datasets',
  'buckets', 'metrics', 'base_model', 'base_model_relation', 'new_version', 'pipeline_tag', 'model-index',
  'thumbnail', 'inference', 'widget', 'co2_eq_emissions', 'language_bcp47', 'language_details',
  'extra_gated_prompt', 'extra_gated_heading', 'extra_gated_description', 'extra_gated_button_content',
  'extra_gated_fields', 'mask_token', 'instance_prompt', 'finetuned_from', 'description',
  // Written by tools and harmless: python-side names and dataset-card keys seen on model cards.
  'model_name', 'eval_results', 'pretty_name', 'duplicated_from',
];

/** Misspellings too far from the key for edit distance, or ambiguous ones, with the key they mean. */
export const KEY_MISSPELLINGS: Readonly<Record<string, string>> = {
  pipeline: 'pipeline_tag', pipelinetag: 'pipeline_tag', tag: 'tags',
  languages: 'language', lang: 'language', licence: 'license', licenses: 'license', dataset: 'datasets',
  metric: 'metrics', basemodel: 'base_model', library: 'library_name', modelindex: 'model-index',
  widgets: 'widget', co2: 'co2_eq_emissions', co2_eq_emission: 'co2_eq_emissions',
};
